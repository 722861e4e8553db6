import { tokens, trigrams } from './trigrams.js';

/** Below this, two words count as different words rather than one misspelt. */
const sameWordThreshold = 0.5;

/** Weight of the word-by-word edit measure against the trigram overlap. */
const tokenWeight = 0.7;

/** The Dice coefficient of two trigram sets: 2·|A∩B| / (|A| + |B|), with A given as a set. */
function dice(a: ReadonlySet<string>, b: string[]): number {
  if (a.size + b.length === 0) return 1;
  const shared = b.filter((trigram) => a.has(trigram)).length;
  return (2 * shared) / (a.size + b.length);
}

/** Optimal-string-alignment distance (Damerau-Levenshtein with adjacent transpositions), over code points. */
function editDistance(a: string[], b: string[]): number {
  let beforePrevious: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, beforePrevious[j - 2] + 1);
      current.push(best);
    }
    beforePrevious = previous;
    previous = current;
  }
  return previous[b.length];
}

/** 1 for equal words, falling by each edit relative to the longer word. */
function wordSimilarity(a: string[], b: string[]): number {
  return 1 - editDistance(a, b) / Math.max(a.length, b.length);
}

/**
 * The number of edits (a letter dropped, added, changed, or two neighbours swapped) between two words.
 * @example wordEditDistance('lenon', 'lennon') === 1
 */
export function wordEditDistance(a: string, b: string): number {
  return editDistance(Array.from(a), Array.from(b));
}

/**
 * How alike two words are, 1 for equal words, falling by each edit relative to the longer word.
 * @example wordLikeness('lenon', 'lennon') // 5 / 6
 */
export function wordLikeness(a: string, b: string): number {
  return wordSimilarity(Array.from(a), Array.from(b));
}

/**
 * Words paired greedily, most similar first, each used once; the score is the share of all
 * letters (both sides) that sit in paired words, weighted by how alike the pair is, so a
 * missing or extra word costs as much as its length.
 */
function tokenScore(wordsA: readonly string[][], b: string[]): number {
  const wordsB = b.map((word) => Array.from(word));
  const pairs: { i: number; j: number; similarity: number }[] = [];
  for (let i = 0; i < wordsA.length; i++) {
    for (let j = 0; j < wordsB.length; j++) {
      const [a, b] = [wordsA[i]!.length, wordsB[j]!.length];
      if (1 - Math.abs(a - b) / Math.max(a, b) < sameWordThreshold) continue;
      const similarity = wordSimilarity(wordsA[i], wordsB[j]);
      if (similarity >= sameWordThreshold) pairs.push({ i, j, similarity });
    }
  }
  pairs.sort((x, y) => y.similarity - x.similarity || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  let matched = 0;
  for (const { i, j, similarity } of pairs) {
    if (usedA.has(i) || usedB.has(j)) continue;
    usedA.add(i);
    usedB.add(j);
    matched += similarity * (wordsA[i].length + wordsB[j].length);
  }
  const letters = [...wordsA, ...wordsB].reduce((sum, word) => sum + word.length, 0);
  return letters === 0 ? 1 : matched / letters;
}

/**
 * How alike two title keys (from `titleKey`) are, from 0 to 1, for ranking the candidates the
 * trigram table found: the trigram Dice coefficient combined with a word-by-word
 * Damerau-Levenshtein measure, so a one-letter typo or a swapped pair of letters still scores
 * high and a different title scores low. Symmetric; equal keys score 1.
 * @example titleSimilarity(titleKey('Rivr of Stars'), titleKey('River of Stars')) > 0.85
 */
export function titleSimilarity(aKey: string, bKey: string): number {
  return titleSimilarityTo(aKey)(bKey);
}

/** `titleSimilarity` with its first key read once, for scoring one query against many titles. */
export function titleSimilarityTo(aKey: string): (bKey: string) => number {
  const a = tokens(aKey);
  const aTrigrams = new Set(trigrams(aKey));
  const wordsA = a.map((word) => Array.from(word));
  return (bKey) => {
    if (aKey === bKey) return 1;
    const b = tokens(bKey);
    if (a.length === 0 || b.length === 0) return 0;
    return (1 - tokenWeight) * dice(aTrigrams, trigrams(bKey)) + tokenWeight * tokenScore(wordsA, b);
  };
}
