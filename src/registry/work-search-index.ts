import { termVariants, workSearchKeys } from './search-keys.js';
import { chooseSearchTerms, standsFor } from './choose-search-terms.js';

/** A work as search shows and scores it: its titles' keys (main first) and the writers of its current registrations. */
export interface SearchableWork {
  readonly workId: string;
  readonly iswc: string | null;
  readonly title: string;
  readonly titleKeys: readonly string[];
  readonly creators: readonly { readonly name: string; readonly nameKey: string }[];
}

/**
 * The registry's search keys held in memory, for a process that answers many searches (the server): the same
 * candidates as the store's `work_search_keys` query — works holding the most query words, rarest words first,
 * a typo a word — in microseconds instead of a scan, and the candidates' titles and creators beside them.
 * Works are replaced whole when they change, so the postings of a term are kept as a set.
 */
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

export class WorkSearchIndex {
  readonly #works = new Map<string, SearchableWork>();
  readonly #keysOf = new Map<string, readonly string[]>();
  readonly #postings = new Map<string, Set<string>>();
  readonly #termsOfVariant = new Map<string, string[]>();

  get size(): number {
    return this.#works.size;
  }

  /** Adds a work, or replaces what the index held of it. */
  put(work: SearchableWork): void {
    this.remove(work.workId);
    const keys = workSearchKeys(work.titleKeys, work.creators.map((creator) => creator.nameKey));
    this.#works.set(work.workId, work);
    this.#keysOf.set(work.workId, keys);
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
      postings.add(work.workId);
    }
  }

  /** Forgets a work (merged away, or about to be replaced). A term no work holds any more stays, with no postings. */
  remove(workId: string): void {
    for (const key of this.#keysOf.get(workId) ?? []) this.#postings.get(key)?.delete(workId);
    this.#keysOf.delete(workId);
    this.#works.delete(workId);
  }

  work(workId: string): SearchableWork | undefined {
    return this.#works.get(workId);
  }

  /** The stored terms a query word stands for: itself, or the words one typo away. */
  #termsOf(key: string): string[] {
    const terms = new Set<string>();
    for (const variant of termVariants(key)) {
      for (const term of this.#termsOfVariant.get(variant) ?? []) if (standsFor(key, term)) terms.add(term);
    }
    return [...terms];
  }

  /** The works holding the most of the query's words, best first (ties by work id), at most `limit`. */
  candidates(keys: readonly string[], limit: number): string[] {
    const slots = keys.map((key) => {
      const terms = this.#termsOf(key).filter((term) => this.#postings.get(term)!.size > 0);
      return { terms, works: terms.reduce((sum, term) => sum + this.#postings.get(term)!.size, 0) };
    });
    const chosen = new Set(chooseSearchTerms(slots));
    const hits = new Map<string, number>();
    for (const term of chosen) for (const workId of this.#postings.get(term)!) hits.set(workId, (hits.get(workId) ?? 0) + 1);
    // Common words give tens of thousands of hits holding only a few distinct counts: bucket by count, then sort only
    // the buckets the answer reaches (work ids by code unit, as the store orders them).
    const byCount: string[][] = [];
    for (const [workId, count] of hits) (byCount[count] ??= []).push(workId);
    const best: string[] = [];
    for (let count = byCount.length - 1; count > 0 && best.length < limit; count--) {
      const bucket = byCount[count];
      if (bucket) best.push(...bucket.sort().slice(0, limit - best.length));
    }
    return best;
  }
}
