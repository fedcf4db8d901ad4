/**
 * Runs in the browser before React hydrates the first page. An exercise page's
 * largest download and longest task is Monaco; React would only ask for it
 * while hydrating the workspace, after the page's own scripts were fetched and
 * run. Asking now lets the download overlap them, and Monaco's modules run as
 * soon as they arrive instead of after hydration.
 */
import { loadEditor, opensWithEditor } from "@/app/_components/editor/load-editor";

// A failure here is reported by the editor itself, which loads it again (code-editor.tsx).
if (opensWithEditor(window.location.pathname)) loadEditor().catch(() => {});
