/**
 * The parts of Monaco the exercise editor uses, instead of `monaco-editor`'s
 * main entry, which registers ~80 languages, the CSS/HTML/JSON language
 * services and every editor contribution (~5 MB to download and parse before
 * a student can type). Kept: the editor core (editor.api brings the core
 * commands), TypeScript and JavaScript (Monarch colouring, loaded lazily per
 * language, and the TypeScript language service), and the contributions a
 * student reaches for, through Monaco's own per-feature entries. The diff
 * editor is added by diff-viewer-impl.tsx only.
 */
import "monaco-editor/features/codicon/register";
import "monaco-editor/features/codeEditor/register";
import "monaco-editor/features/bracketMatching/register";
import "monaco-editor/features/clipboard/register";
import "monaco-editor/features/comment/register";
import "monaco-editor/features/contextmenu/register";
import "monaco-editor/features/cursorUndo/register";
import "monaco-editor/features/find/register";
import "monaco-editor/features/format/register";
import "monaco-editor/features/gotoError/register";
import "monaco-editor/features/hover/register";
import "monaco-editor/features/indentation/register";
import "monaco-editor/features/linesOperations/register";
import "monaco-editor/features/multicursor/register";
import "monaco-editor/features/parameterHints/register";
import "monaco-editor/features/snippet/register";
import "monaco-editor/features/suggest/register";
import "monaco-editor/editor/contrib/suggest/browser/suggestController";
// Ctrl+M: the keyboard way out of the editor that the page tells students about.
import "monaco-editor/features/toggleTabFocusMode/register";
import "monaco-editor/features/wordHighlighter/register";
import "monaco-editor/features/wordOperations/register";
import "monaco-editor/editor/common/standaloneStrings";
// Services that the kept contributions ask for, registered by contributions we leave out
// (without them the console reports "[createInstance] … depends on UNKNOWN service").
import "monaco-editor/editor/contrib/documentSymbols/browser/outlineModel";
import "monaco-editor/editor/contrib/codelens/browser/codeLensCache";
import "monaco-editor/editor/common/services/treeViewsDndService";
import "monaco-editor/languages/definitions/typescript/register";
import "monaco-editor/languages/definitions/javascript/register";

export * as monaco from "monaco-editor/editor/editor.api";
export { javascriptDefaults, ModuleKind, ScriptTarget, typescriptDefaults } from "monaco-editor/languages/features/typescript/register";
