// Entry of Monaco's TypeScript/JavaScript language worker, bundled from our own build.
import "monaco-editor/language/typescript/ts.worker.js";
