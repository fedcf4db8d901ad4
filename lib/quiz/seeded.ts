/**
 * Deterministic randomness for quizzes. Everything a student sees in an attempt
 * (option order, variant numbers) is a pure function of (attempt seed,
 * question id), so a resumed attempt shows the same quiz and the server can
 * re-derive the answer key at grading time without storing it.
 * Self-contained (no seedrandom) so it runs identically on server and in tests.
 */

/** 32-bit FNV-1a hash of a string. */
export function hashString(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return h >>> 0;
}

/** The per-question seed: different questions of one attempt get unrelated streams. */
export function questionSeed(attemptSeed: number, questionId: string, purpose: string): number {
  return hashString(`${attemptSeed}:${questionId}:${purpose}`);
}

/** mulberry32: small, fast, good enough for shuffles and parameter draws. */
export function createRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates on a copy; the input array is left untouched. */
export function seededShuffle<T>(items: readonly T[], seed: number): T[] {
  const random = createRandom(seed);
  const out = items.slice();
  for (let i = out.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [out[i], out[j]] = [out[j], out[i]];
  }
  return out;
}

/** A fresh attempt seed: a positive 31-bit integer (fits the Int column). */
export function newAttemptSeed(random: () => number = Math.random): number {
  return 1 + Math.floor(random() * 0x7ffffffe);
}
