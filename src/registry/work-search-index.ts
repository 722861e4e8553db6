import { termVariants, workSearchKeys } from './search-keys.js';
import { planHits, standsFor, type QueryWord, type SearchPlan, type SearchSlot } from './search-plan.js';

/** A work as search shows and scores it: its titles' keys (main first) and the writers of its current registrations. */
export interface SearchableWork {
  readonly workId: string;
  readonly iswc: string | null;
  readonly title: string;
  readonly titleKeys: readonly string[];
  readonly creators: readonly { readonly name: string; readonly nameKey: string }[];
}

/** Works as search shows them, from the store's rows: the main title's key first, then the alternates'. */
export function searchableWorks(rows: {
  readonly works: readonly { work_id: string; iswc: string | null; title: string; title_key: string }[];
  readonly alternates: readonly { work_id: string; title_key: string }[];
  readonly creators: ReadonlyMap<string, readonly { name: string; nameKey: string }[]>;
}): SearchableWork[] {
  const titleKeysOf = new Map(rows.works.map((work) => [work.work_id, [work.title_key]]));
  for (const alternate of rows.alternates) titleKeysOf.get(alternate.work_id)?.push(alternate.title_key);
  return rows.works.map((work) => ({ workId: work.work_id, iswc: work.iswc, title: work.title, titleKeys: titleKeysOf.get(work.work_id)!, creators: rows.creators.get(work.work_id) ?? [] }));
}

/**
 * The registry's search keys held in memory, for a process that answers many searches (the server): the same
 * candidates as the store (`planSearch`: the rare terms' works read, ranked by the query words they hold, a typo a
 * word) in milliseconds instead of store queries, and the candidates' titles and creators beside them.
 * Works are replaced whole when they change, so the postings of a term are kept as a set.
 */
export class WorkSearchIndex {
  // Works are numbered as they come (a work put again keeps its number), so postings are sets of small integers and
  // a query counts its hits in a typed array rather than a map keyed by work id.
  readonly #numberOf = new Map<string, number>();
  readonly #works: (SearchableWork | undefined)[] = [];
  readonly #keysOf: (readonly string[] | undefined)[] = [];
  readonly #postings = new Map<string, Set<number>>();
  readonly #termsOfVariant = new Map<string, string[]>();
  /** True while work numbers follow work id order (a whole build reads works in that order), so ties sort as numbers. */
  #numbersInIdOrder = true;
  #greatestId = '';
  #seen = new Uint8Array(0);

  get size(): number {
    return this.#numberOf.size;
  }

  /** Adds a work, or replaces what the index held of it. */
  put(work: SearchableWork): void {
    let number = this.#numberOf.get(work.workId);
    if (number === undefined) {
      number = this.#works.length;
      if (work.workId < this.#greatestId) this.#numbersInIdOrder = false;
      else this.#greatestId = work.workId;
      this.#numberOf.set(work.workId, number);
      this.#works.push(undefined);
      this.#keysOf.push(undefined);
    } else this.#forget(number);
    const keys = workSearchKeys(work.titleKeys, work.creators.map((creator) => creator.nameKey));
    this.#works[number] = work;
    this.#keysOf[number] = keys;
    for (const key of keys) {
      let postings = this.#postings.get(key);
      if (!postings) {
        postings = new Set();
        this.#postings.set(key, postings);
        for (const variant of termVariants(key)) {
          const terms = this.#termsOfVariant.get(variant);
          if (terms) terms.push(key);
          else this.#termsOfVariant.set(variant, [key]);
        }
      }
      postings.add(number);
    }
  }

  #forget(number: number): void {
    for (const key of this.#keysOf[number] ?? []) this.#postings.get(key)?.delete(number);
    this.#keysOf[number] = undefined;
    this.#works[number] = undefined;
  }

  /** Forgets a work (merged away). Its number is not reused; a term no work holds any more stays, with no postings. */
  remove(workId: string): void {
    const number = this.#numberOf.get(workId);
    if (number === undefined) return;
    this.#forget(number);
    this.#numberOf.delete(workId);
  }

  work(workId: string): SearchableWork | undefined {
    const number = this.#numberOf.get(workId);
    return number === undefined ? undefined : this.#works[number];
  }

  /** The stored terms a query word stands for: itself, or the words one typo away. */
  #termsOf(key: string): string[] {
    const terms = new Set<string>();
    for (const variant of termVariants(key)) {
      for (const term of this.#termsOfVariant.get(variant) ?? []) if (standsFor(key, term)) terms.add(term);
    }
    return [...terms];
  }

  /** Each query word's stored terms (itself, or the words one typo away when it allows typos) and how many works hold each. */
  slots(words: readonly QueryWord[]): SearchSlot[] {
    return words.map(({ key, typos }) => ({
      word: key,
      terms: (typos ? this.#termsOf(key) : [key]).flatMap((term) => {
        const works = this.#postings.get(term)?.size ?? 0;
        return works > 0 ? [{ term, works }] : [];
      }),
    }));
  }

  /** The terms of `terms` that some work holds. */
  storedTerms(terms: readonly string[]): Set<string> {
    return new Set(terms.filter((term) => (this.#postings.get(term)?.size ?? 0) > 0));
  }

  /** The works holding the plan's read terms, best first by `compareCandidates`, at most `limit`. */
  candidates(plan: SearchPlan, limit: number): string[] {
    if (this.#seen.length < this.#works.length) this.#seen = new Uint8Array(Math.max(1024, this.#works.length * 2));
    const seen = this.#seen;
    const touched: number[] = [];
    for (const term of plan.read) {
      for (const number of this.#postings.get(term)!) {
        if (seen[number] === 0) touched.push(number);
        seen[number] = 1;
      }
    }
    // Works rank by a few distinct (held, exact) pairs: bucket by them, then sort only the buckets the answer reaches,
    // by work id (code units, as the store orders them).
    const byRank: number[][] = [];
    for (const number of touched) {
      seen[number] = 0;
      const { held, exact } = planHits(plan, this.#keysOf[number]!);
      (byRank[held * 32 + exact] ??= []).push(number);
    }
    const best: string[] = [];
    for (let rank = byRank.length - 1; rank > 0 && best.length < limit; rank--) {
      const bucket = byRank[rank];
      if (!bucket) continue;
      const ids = this.#numbersInIdOrder
        ? Int32Array.from(bucket).sort().subarray(0, limit - best.length).reduce<string[]>((list, number) => (list.push(this.#works[number]!.workId), list), [])
        : bucket.map((number) => this.#works[number]!.workId).sort().slice(0, limit - best.length);
      best.push(...ids);
    }
    return best;
  }
}
