/**
 * Seeded randomness for the lab: every run is a pure function of its seed, so
 * a student, the page and the claim tests see the same curves.
 */
import { createRandom } from "@/lib/quiz/seeded";

export interface Rng {
  uniform(): number;
  /** Standard normal (Box–Muller). */
  normal(): number;
  /** Integer in [0, n). */
  int(n: number): number;
  /** A new permutation of 0..n−1 (Fisher–Yates). */
  permutation(n: number): number[];
}

export function createRng(seed: number): Rng {
  const next = createRandom(seed);
  return {
    uniform: next,
    normal() {
      const u = 1 - next();
      return Math.sqrt(-2 * Math.log(u)) * Math.cos(2 * Math.PI * next());
    },
    int(n) {
      return Math.floor(next() * n);
    },
    permutation(n) {
      const p = Array.from({ length: n }, (_, i) => i);
      for (let i = n - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        [p[i], p[j]] = [p[j], p[i]];
      }
      return p;
    },
  };
}

/** Independent streams for independent purposes (init, data, order) of one seed. */
export function subSeed(seed: number, purpose: number): number {
  return (Math.imul(seed ^ 0x9e3779b9, 2654435761) + Math.imul(purpose + 1, 0x85ebca6b)) >>> 0;
}
