/**
 * Upper/lower-group discrimination index (Kelley's 27% rule), pure.
 *
 * Given N students' total scores on a quiz (one attempt each):
 * - group size n = round(0.27 · N), at least 1 and at most floor(N / 2) so the
 *   groups never overlap; undefined (null) when N < 2;
 * - the upper group is the n highest totals, the lower group the n lowest;
 *   ties at a boundary are broken by user id (ascending) so the result is
 *   deterministic;
 * - for each question, D = (U − L) / n, where U and L count the students of
 *   each group who answered it fully correctly.
 * D ranges from −1 to 1: near 0 the question does not separate strong from
 * weak students; negative means weak students do better (a flawed key or a
 * misleading prompt).
 */
export const GROUP_SHARE = 0.27;

export interface ScoredStudent {
  userId: string;
  /** the student's total (a fraction of the maximum, or points: only the order matters) */
  total: number;
  /** the attempt whose answers are counted */
  attemptId: string;
}

export interface ExtremeGroups {
  size: number;
  upper: ScoredStudent[];
  lower: ScoredStudent[];
}

export function groupSize(count: number, share = GROUP_SHARE): number {
  if (count < 2) return 0;
  return Math.min(Math.floor(count / 2), Math.max(1, Math.round(share * count)));
}

export function extremeGroups(students: ScoredStudent[], share = GROUP_SHARE): ExtremeGroups | null {
  const size = groupSize(students.length, share);
  if (size === 0) return null;
  const byId = (a: ScoredStudent, b: ScoredStudent) => (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
  const descending = [...students].sort((a, b) => b.total - a.total || byId(a, b));
  const ascending = [...students].sort((a, b) => a.total - b.total || byId(a, b));
  return { size, upper: descending.slice(0, size), lower: ascending.slice(0, size) };
}

export function discriminationIndex(upperCorrect: number, lowerCorrect: number, size: number): number | null {
  if (size <= 0) return null;
  return (upperCorrect - lowerCorrect) / size;
}
