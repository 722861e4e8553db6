import { tokens } from './trigrams.js';

/** Scripts written without spaces between words (and Hangul, whose words are long): indexed by character pairs. */
const unspaced = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+/gu;
const wholeUnspaced = /^[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]+$/u;

/**
 * The search keys of a matching key (from `titleKey` or `nameKey`): each word, and for runs of Chinese,
 * Japanese or Korean characters each pair of neighbouring characters (a lone character stands for itself),
 * so a query of two characters finds a title that holds them, wherever they sit.
 * @example searchKeys('月亮代表我的心') // ['月亮', '亮代', '代表', '表我', '我的', '的心']
 * @example searchKeys('john lennon') // ['john', 'lennon']
 */
export function searchKeys(key: string): string[] {
  const found = new Set<string>();
  for (const token of tokens(key)) {
    let rest = token;
    for (const run of token.match(unspaced) ?? []) {
      rest = rest.replace(run, ' ');
      const points = Array.from(run);
      if (points.length === 1) found.add(run);
      for (let i = 0; i + 2 <= points.length; i++) found.add(points[i] + points[i + 1]);
    }
    for (const word of tokens(rest)) found.add(word);
  }
  return [...found];
}

/** True when a search key is a pair of CJK characters (or one), which typo tolerance leaves alone. */
export function isCharacterKey(key: string): boolean {
  return wholeUnspaced.test(key);
}

/**
 * A term and the forms it takes with one character left out, for typo-tolerant lookup (a deletion neighbourhood):
 * two words one edit apart (a letter dropped, added, changed or two swapped) always share one of these forms.
 * Words of one or two characters and CJK character keys stand only for themselves.
 * @example termVariants('moon') // ['moon', 'oon', 'mon', 'moo']
 */
export function termVariants(term: string): string[] {
  const points = Array.from(term);
  if (points.length < 3 || isCharacterKey(term)) return [term];
  const found = new Set([term]);
  for (let i = 0; i < points.length; i++) found.add(points.slice(0, i).join('') + points.slice(i + 1).join(''));
  return [...found];
}

/**
 * The search keys of a work: the keys of its titles (from `titleKey`) and of its creators' names (from `nameKey`),
 * each once, so a surname alone, a word of an alternate title or two characters of a Chinese title find it.
 * @example workSearchKeys(['yesterday'], ['john lennon']) // ['yesterday', 'john', 'lennon']
 */
export function workSearchKeys(titleKeys: readonly string[], creatorKeys: readonly string[]): string[] {
  const found = new Set<string>();
  for (const key of [...titleKeys, ...creatorKeys]) for (const searchKey of searchKeys(key)) found.add(searchKey);
  return [...found];
}
