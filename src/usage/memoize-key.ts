import { detachedText } from '../formats/dsr/dsr-cells.js';

/**
 * Wraps a matching-key function (`titleKey`, `artistKey`, `nameKey`) with a bounded cache: DSR reports repeat the
 * same artists and writers on many lines, and normalizing a name (Unicode folding, regular expressions) costs far
 * more than a map lookup. The cache starts over when full, so memory stays bounded whatever the report's size; it
 * holds copies of the texts, not slices of the file's chunks.
 */
export function memoizeKey(key: (text: string) => string, limit = 100_000): (text: string) => string {
  let cache = new Map<string, string>();
  return (text) => {
    let found = cache.get(text);
    if (found === undefined) {
      found = key(text);
      if (cache.size >= limit) cache = new Map();
      cache.set(detachedText(text), detachedText(found));
    }
    return found;
  };
}
