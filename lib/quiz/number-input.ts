/**
 * Reading a typed number the way the student meant it, in the browser (live,
 * as they type) and on the server (grading) alike. Accepts "0.5", "-1.25",
 * ".5", "1e-5", a typographic minus, spaces or apostrophes between digit
 * groups, and the decimal comma: "0,5" and — where the browser's locale
 * writes decimals with a comma — "1,297" (= 1.297). Where the locale uses a
 * decimal point, "1,297" is the thousands grouping 1297, and the form says so
 * before it is sent. Pure.
 */

export type DecimalSeparator = "." | ",";

export interface ReadNumber {
  value: number | null;
  /** why the text is not a number, for the live message */
  problem: string | null;
  /** set when a comma was read as a thousands separator: the student should see it */
  grouped: boolean;
  /** digits after the decimal separator, as typed */
  decimals: number;
}

const PLAIN = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const GROUPED_COMMAS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;
const GROUPED_DOTS = /^[+-]?\d{1,3}(\.\d{3}){2,}(,\d*)?$/;

function canonical(text: string, decimal: DecimalSeparator): { text: string; grouped: boolean } | null {
  const commas = (text.match(/,/g) ?? []).length;
  if (commas === 0) return { text, grouped: false };
  if (decimal === "." && GROUPED_COMMAS.test(text)) return { text: text.replaceAll(",", ""), grouped: true };
  if (GROUPED_DOTS.test(text)) return { text: text.replaceAll(".", "").replace(",", "."), grouped: true };
  // One comma and no dot: a decimal comma.
  if (commas === 1 && !text.includes(".")) return { text: text.replace(",", "."), grouped: false };
  return null;
}

export function readNumber(raw: string, decimal: DecimalSeparator = "."): ReadNumber {
  const stripped = raw.trim().replace(/\u2212/g, "-").replace(/[\s'\u00a0\u202f]/g, "");
  if (stripped === "") return { value: null, problem: null, grouped: false, decimals: 0 };
  const read = canonical(stripped, decimal);
  if (!read || !PLAIN.test(read.text)) {
    return { value: null, problem: "Not a number. Write it like 0.5, -1.25 or 1e-5.", grouped: false, decimals: 0 };
  }
  const value = Number(read.text);
  if (!Number.isFinite(value)) return { value: null, problem: "That number is too large.", grouped: false, decimals: 0 };
  const fraction = /\.(\d*)/.exec(read.text.split(/[eE]/)[0])?.[1] ?? "";
  return { value, problem: null, grouped: read.grouped, decimals: fraction.length };
}
