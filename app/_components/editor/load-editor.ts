/**
 * The one way the browser loads Monaco (code-editor-impl and everything it
 * imports). Import it, never the module itself, so every caller shares one
 * request: instrumentation-client.ts starts it before React hydrates an
 * exercise page, and code-editor.tsx awaits the same promise.
 */
export const loadEditor = () => import("./code-editor-impl");

/** Pages that open with the exercise editor (the student's workspace). */
export const opensWithEditor = (pathname: string): boolean => /^\/exercises\/[^/]+\/?$/.test(pathname);
