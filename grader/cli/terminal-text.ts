/**
 * Student-made text printed to a terminal by the CLI. Control characters
 * (ANSI escapes, carriage returns, newlines inside a message), C1 controls and
 * invisible/bidirectional formatting characters are shown as \u{…} escapes, so
 * a submission cannot paint a fake green "PASSED" line or reorder what is shown.
 */
// biome-ignore lint/suspicious/noControlCharactersInRegex: finding control characters is the point
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u00ad\u061c\u180e\u200b-\u200f\u2028-\u202e\u2060-\u206f\ufeff\ufff9-\ufffb]/g;

export function escapeForTerminal(text: string): string {
  return text.replace(UNSAFE, (c) => `\\u{${(c.codePointAt(0) ?? 0).toString(16)}}`);
}

/** JSON with the same characters written as \uXXXX escapes (still valid, equal JSON). */
export function jsonForTerminal(value: unknown): string {
  return JSON.stringify(value).replace(UNSAFE, (c) => `\\u${(c.codePointAt(0) ?? 0).toString(16).padStart(4, "0")}`);
}
