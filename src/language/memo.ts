/**
 * Memoises a pure string function. Vocabularies are small compared with texts, so analysis runs
 * mostly from the cache; the cache is dropped when it grows past `limit` to bound memory.
 */
export function memoize(fn: (s: string) => string, limit = 200_000): (s: string) => string {
  let cache = new Map<string, string>();
  return (s: string) => {
    let v = cache.get(s);
    if (v === undefined) {
      v = fn(s);
      if (cache.size >= limit) cache = new Map();
      cache.set(s, v);
    }
    return v;
  };
}
