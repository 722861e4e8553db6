/**
 * The words of a matching key, in order.
 * @example tokens('river of stars') // ['river', 'of', 'stars']
 */
export function tokens(key: string): string[] {
  return key.split(' ').filter((token) => token !== '');
}

/**
 * The distinct trigrams of a matching key, for the candidate table that finds titles despite
 * typos. Each word is padded with two spaces in front and one behind, as PostgreSQL's pg_trgm
 * does, so one- and two-letter words still give trigrams and word starts weigh more.
 * Characters are code points, so non-Latin titles work too.
 * @example trigrams('ab') // ['  a', ' ab', 'ab ']
 */
export function trigrams(key: string): string[] {
  const found = new Set<string>();
  for (const token of tokens(key)) {
    const points = [' ', ' ', ...Array.from(token), ' '];
    for (let i = 0; i + 3 <= points.length; i++) found.add(points.slice(i, i + 3).join(''));
  }
  return [...found];
}
