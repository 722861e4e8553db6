import { wordEditDistance } from './title-similarity.js';

/** A query word with the stored terms it stands for (itself, or words one typo away) and how many works hold them. */
export interface SearchSlot {
  readonly terms: readonly string[];
  readonly works: number;
}

/** Postings read for one query at most once the two rarest query words are in. */
const postingBudget = 20_000;

/** True when a stored term found through one of a query word's typo forms stands for that word. */
export function standsFor(word: string, term: string): boolean {
  return term === word || wordEditDistance(word, term) <= 1;
}

/**
 * The terms whose works become candidates: the query words' terms, rarest word first, and common words only within
 * the budget — rare words find the work, and the second word ranks the works of a common first word by how many
 * query words they hold.
 */
export function chooseSearchTerms(slots: readonly SearchSlot[]): string[] {
  const chosen: string[] = [];
  let postings = 0;
  const held = slots.filter((slot) => slot.works > 0).sort((a, b) => a.works - b.works);
  for (const [i, slot] of held.entries()) {
    if (i > 1 && postings + slot.works > postingBudget) break;
    chosen.push(...slot.terms);
    postings += slot.works;
  }
  return chosen;
}
