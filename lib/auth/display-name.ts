/**
 * The rules for a user's display name, shared by the sign-up form and the
 * server (better-auth's user hooks enforce them on every create and update,
 * including direct API calls): trimmed, 1–80 characters, no control
 * characters and no bidirectional-text controls (`Bob\u202Eevil` would render
 * reversed in an instructor's roster). Names carry no authority — every page
 * that shows another user's name shows their email and role beside it — so a
 * student calling themself "Demo Instructor" gains nothing.
 */
export const NAME_MAX_LENGTH = 80;

// Bidi embeddings/overrides/isolates, LRM/RLM/ALM, line/paragraph separators, BOM.
const BIDI_OR_INVISIBLE = /[\u202A-\u202E\u2066-\u2069\u200E\u200F\u061C\u2028\u2029\uFEFF]/u;
const CONTROL = /\p{Cc}/u;

export type NameCheck = { ok: true; name: string } | { ok: false; message: string };

export function checkDisplayName(raw: unknown): NameCheck {
  if (typeof raw !== "string") return { ok: false, message: "Enter your name." };
  const name = raw.trim();
  if (name.length === 0) return { ok: false, message: "Enter your name." };
  // UTF-16 length first: a 5 MB name is refused without splitting it into code points.
  if (name.length > NAME_MAX_LENGTH * 2 || [...name].length > NAME_MAX_LENGTH) return { ok: false, message: `Names are at most ${NAME_MAX_LENGTH} characters.` };
  if (BIDI_OR_INVISIBLE.test(name)) return { ok: false, message: "Names cannot contain text-direction or invisible control characters." };
  if (CONTROL.test(name)) return { ok: false, message: "Names cannot contain line breaks, tabs or other control characters." };
  return { ok: true, name };
}
