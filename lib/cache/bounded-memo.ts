/**
 * Memoizes a pure function of a string key, keeping at most `max` results
 * (the oldest is dropped first), so content that varies per attempt (quiz
 * prompts with drawn numbers) cannot grow the cache without bound.
 */
export function boundedMemo<T>(compute: (key: string) => T, max = 500): (key: string) => T {
  const cache = new Map<string, T>();
  return (key) => {
    const hit = cache.get(key);
    if (hit !== undefined || cache.has(key)) return hit as T;
    const value = compute(key);
    cache.set(key, value);
    if (cache.size > max) cache.delete(cache.keys().next().value as string);
    return value;
  };
}
