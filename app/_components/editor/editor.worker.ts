// Entry of Monaco's generic editor worker (diffs, links, word ranges), bundled
// by Turbopack from our own build instead of a CDN.
import "monaco-editor/editor/editor.worker.js";
