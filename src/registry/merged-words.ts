import { isArticle } from './match-key.js';
import { isCharacterKey } from './search-keys.js';

/** The ways a word could be two words run together: each split into two parts of at least one character. */
export function wordSplits(word: string): [string, string][] {
  const points = Array.from(word);
  if (points.length < 3 || isCharacterKey(word)) return [];
  return Array.from({ length: points.length - 1 }, (_, i) => [points.slice(0, i + 1).join(''), points.slice(i + 1).join('')]);
}

/**
 * The two words a query word stands for when a space was left out (`rivermoon`, `theheart`, `moon2n9k`): the first
 * split whose parts are both stored terms of two letters or more, or an article and a stored term; undefined when none.
 * Only asked of a word that stands for no stored term, so a real word is never split.
 * @example splitMergedWord('rivermoon', new Set(['river', 'moon'])) // ['river', 'moon']
 */
export function splitMergedWord(word: string, stored: ReadonlySet<string>): [string, string] | undefined {
  const isPart = (part: string) => (stored.has(part) && Array.from(part).length >= 2) || isArticle(part);
  return wordSplits(word).find(([left, right]) => isPart(left) && isPart(right) && !(isArticle(left) && isArticle(right)));
}
