import type { Store } from '../../store/index.js';
import { readHistoryMark, readWorkSearchPage, readWorkSearchRows, readWorksChangedSince } from '../../store/registry/searchable-work-queries.js';
import { searchableWorks, WorkSearchIndex } from '../work-search-index.js';

const pageSize = 50_000;

/**
 * The registry's search index kept in memory by a long-running process (the server), and kept current: before each
 * search it reads the history's next number (one row); when works changed since, it replaces those works in the
 * index, or, after a large import, builds the index again in the background. Until an index is ready, searches
 * go to the store (`current` returns undefined), so no answer is ever older than the store.
 */
export class LiveSearchIndex {
  readonly #store: Store;
  #index: WorkSearchIndex | undefined;
  /** The history number the index reflects everything before. */
  #mark = 0n;
  #building: Promise<void> | undefined;
  /** More changed works than this since the last look and the index is built again rather than patched. */
  readonly #patchLimit: number;

  constructor(store: Store, options: { patchLimit?: number } = {}) {
    this.#store = store;
    this.#patchLimit = options.patchLimit ?? 20_000;
  }

  /**
   * Builds the index from the stored works; resolves when it is built. A build that fails (the store closed under
   * it) leaves searches to the store, and the next search tries again.
   */
  build(): Promise<void> {
    this.#building ??= this.#buildWhole()
      .catch(() => {
        this.#index = undefined;
      })
      .finally(() => {
        this.#building = undefined;
      });
    return this.#building;
  }

  /** Resolves when no build is running. */
  async settled(): Promise<void> {
    await this.#building;
  }

  async #buildWhole(): Promise<void> {
    const db = this.#store.db;
    const mark = await readHistoryMark(db);
    const index = new WorkSearchIndex();
    let after = '';
    for (;;) {
      const page = searchableWorks(await readWorkSearchPage(db, after, pageSize));
      if (page.length === 0) break;
      for (const work of page) index.put(work);
      after = page.at(-1)!.workId;
    }
    this.#index = index;
    this.#mark = mark;
  }

  /** The index, brought up to date with the store; undefined while it is (re)built. */
  async current(): Promise<WorkSearchIndex | undefined> {
    const index = this.#index;
    if (!index || this.#building) {
      void this.build();
      return undefined;
    }
    const db = this.#store.db;
    const mark = await readHistoryMark(db);
    if (mark === this.#mark) return index;
    const changed = await readWorksChangedSince(db, this.#mark, this.#patchLimit);
    if (changed.length > this.#patchLimit) {
      this.#index = undefined;
      void this.build();
      return undefined;
    }
    const stored = searchableWorks(await readWorkSearchRows(db, changed));
    for (const workId of changed) index.remove(workId);
    for (const work of stored) index.put(work);
    this.#mark = mark;
    return index;
  }
}
