import { searchKeys } from './search-keys.js';

/** A word of a query as search looks it up: with its typo forms, or (a word the title key dropped, such as a leading article) only as written. */
export interface QueryWord {
  readonly key: string;
  readonly typos: boolean;
}

/**
 * The words of a query: its title key's (typo-tolerant) and the words only its name key keeps (a leading article or
 * version words the title key dropped), which count only as written: `the`, one typo from a thousand short catalogue
 * numbers, would otherwise find them all.
 * @example queryWords({ titleKey: 'river moon', nameKey: 'moon river the' }) // river, moon with typos; the as written
 */
export function queryWords(keys: { readonly titleKey: string; readonly nameKey: string }): QueryWord[] {
  const title = searchKeys(keys.titleKey);
  const nameOnly = searchKeys(keys.nameKey).filter((key) => !title.includes(key));
  return [...title.map((key) => ({ key, typos: true })), ...nameOnly.map((key) => ({ key, typos: false }))];
}

/** A query word with the stored terms it stands for (itself, or words one typo away) and how many works hold each. */
export interface SearchSlot {
  readonly word: string;
  readonly terms: readonly { readonly term: string; readonly works: number }[];
}

/**
 * A query's plan: the terms whose works are read whole (they find the candidates) and what tells the candidates apart —
 * which query words each term stands for.
 */
export interface SearchPlan {
  readonly read: readonly string[];
  /** Per stored term, the query words (bits by slot) it stands for, and those it is written as. */
  readonly slotsOf: ReadonlyMap<string, { readonly held: number; readonly exact: number }>;
}

/** Postings read for one query at most once its rarest term is in. */
const readBudget = 5_000;

/** Query words past this many rank nothing (their bits would not fit); a query is a title or a few names. */
const rankedWords = 31;

/**
 * True when a stored term found through one of a query word's typo forms stands for that word: at most one edit
 * apart (`wordEditDistance` ≤ 1), told in one pass — a short word's typo forms find hundreds of terms.
 */
export function standsFor(word: string, term: string): boolean {
  if (term === word) return true;
  const [a, b] = [Array.from(word), Array.from(term)];
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  const rest = (x: string[], from: number, y: string[], to: number) => x.slice(from).join('') === y.slice(to).join('');
  if (a.length === b.length) return rest(a, i + 1, b, i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && rest(a, i + 2, b, i + 2));
  return a.length > b.length ? rest(a, i + 1, b, i) : rest(a, i, b, i + 1);
}

/**
 * Rarest term first: the rarest term's works are read whole, and the next terms' too while the postings stay within
 * the budget; the works of common terms are not read, only looked for among the works the rare ones found. A registry
 * of a million works shares its common words (and the common words a typo away from a short query word) by the ten
 * thousand, and their works could not be read for every query: a rare term (a name, an unusual word, a catalogue
 * number) finds the work, the common ones tell it from its neighbours.
 */
export function planSearch(slots: readonly SearchSlot[]): SearchPlan {
  const slotsOf = new Map<string, { held: number; exact: number }>();
  const works = new Map<string, number>();
  slots.slice(0, rankedWords).forEach((slot, i) => {
    for (const { term, works: count } of slot.terms) {
      const bits = slotsOf.get(term) ?? { held: 0, exact: 0 };
      bits.held |= 1 << i;
      if (term === slot.word) bits.exact |= 1 << i;
      slotsOf.set(term, bits);
      works.set(term, count);
    }
  });
  const rarest = [...works].sort(([a, x], [b, y]) => x - y || (a < b ? -1 : a > b ? 1 : 0));
  const read: string[] = [];
  let postings = 0;
  for (const [term, count] of rarest) {
    if (read.length > 0 && postings + count > readBudget) break;
    read.push(term);
    postings += count;
  }
  return { read, slotsOf };
}

/** How a work answers a plan: how many query words it holds (as written or a typo away), and how many as written. */
export interface PlanHits {
  readonly held: number;
  readonly exact: number;
}

function bitCount(bits: number): number {
  let count = 0;
  for (let rest = bits; rest !== 0; rest &= rest - 1) count++;
  return count;
}

/** What a work holding these search keys holds of a plan. */
export function planHits(plan: SearchPlan, keys: Iterable<string>): PlanHits {
  let held = 0;
  let exact = 0;
  for (const key of keys) {
    const bits = plan.slotsOf.get(key);
    if (bits) [held, exact] = [held | bits.held, exact | bits.exact];
  }
  return { held: bitCount(held), exact: bitCount(exact) };
}

/** The order of candidates: most query words held, then most held as written, then work id (code units, as the store orders them). */
export function compareCandidates(a: PlanHits & { workId: string }, b: PlanHits & { workId: string }): number {
  return b.held - a.held || b.exact - a.exact || (a.workId < b.workId ? -1 : a.workId > b.workId ? 1 : 0);
}
