import { searchKeys } from './search-keys.js';
import { titleSimilarityTo, wordLikeness } from './title-similarity.js';
import { tokens } from './trigrams.js';

/** A query as search reads it: its title key (`titleKey`) and name key (`nameKey`). */
export interface SearchQueryKeys {
  readonly titleKey: string;
  readonly nameKey: string;
}

/** What a candidate work offers to be matched against: its title keys and its creators' name keys. */
export interface SearchCandidateKeys {
  readonly titleKeys: readonly string[];
  readonly creatorKeys: readonly string[];
}

/** A query word this alike to a creator's name word counts as that word misspelt. */
const creatorWordThreshold = 0.75;

/** A query that is part of a title (every key of it in the title, like 「月亮」 in 「月亮代表我的心」): 0.6 up to 0.95 as it covers more. */
function partialTitleScoreOf(query: string): (title: string) => number {
  const wanted = searchKeys(query);
  const length = Array.from(query).length;
  return (title) => {
    if (wanted.length === 0) return 0;
    const held = new Set(searchKeys(title));
    if (!wanted.every((key) => held.has(key))) return 0;
    return 0.6 + 0.35 * (length / Math.max(1, Array.from(title).length));
  };
}

/** A query that names creators (a surname alone, or names in any order, one typo a word): 0.95 at best, less per typo. */
function creatorScoreOf(query: string): (creatorKeys: readonly string[]) => number {
  const wanted = tokens(query);
  return (creatorKeys) => {
    const words = [...new Set(creatorKeys.flatMap(tokens))];
    if (wanted.length === 0 || words.length === 0) return 0;
    let sum = 0;
    for (const word of wanted) {
      let best = 0;
      for (const candidate of words) {
        // A word this much longer or shorter cannot reach the threshold: spare the edit distance.
        const [a, b] = [Array.from(word).length, Array.from(candidate).length];
        if (1 - Math.abs(a - b) / Math.max(a, b) >= creatorWordThreshold) best = Math.max(best, wordLikeness(word, candidate));
      }
      if (best < creatorWordThreshold) return 0;
      sum += best;
    }
    return 0.95 * (sum / wanted.length);
  };
}

/**
 * How well a work answers a search, 0 to 1, and why: the best of the whole-title similarity (typos, accents,
 * articles), the query as part of a title, and the query as the names of the work's creators.
 * @example searchScore({ titleKey: 'lennon', nameKey: 'lennon' }, { titleKeys: ['yesterday'], creatorKeys: ['john lennon'] }) // { score: 0.95, matchedBy: 'creator' }
 */
export function searchScore(query: SearchQueryKeys, candidate: SearchCandidateKeys): { score: number; matchedBy: 'title' | 'creator' } {
  return searchScorer(query)(candidate);
}

/** `searchScore` with the query read once, for scoring it against many candidates. */
export function searchScorer(query: SearchQueryKeys): (candidate: SearchCandidateKeys) => { score: number; matchedBy: 'title' | 'creator' } {
  const similarity = titleSimilarityTo(query.titleKey);
  const partial = partialTitleScoreOf(query.titleKey);
  const creatorScore = creatorScoreOf(query.nameKey);
  return (candidate) => {
    let title = 0;
    for (const key of candidate.titleKeys) title = Math.max(title, similarity(key), partial(key));
    const creator = creatorScore(candidate.creatorKeys);
    return creator > title ? { score: creator, matchedBy: 'creator' } : { score: title, matchedBy: 'title' };
  };
}
