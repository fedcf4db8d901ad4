/** A setting read from the environment: a positive integer, or `fallback` when unset or anything else. */
export function positiveInt(value: string | undefined, fallback: number): number {
  const n = Number(value);
  return Number.isInteger(n) && n > 0 ? n : fallback;
}
