import { inTransaction } from '../../store/index.js';
import { addWorkSearchKeys, clearSearchIndex, isSearchIndexPending, markSearchIndexPending, readWorksToIndex } from '../../store/registry/search-index-queries.js';
import { termVariants, workSearchKeys } from '../search-keys.js';
import type { RegistryContext } from './registry-context.js';

const pageSize = 5_000;

/** Builds the search index anew from every stored work, a page at a time, in one transaction. */
export async function rebuildSearchIndex(context: Pick<RegistryContext, 'store'>): Promise<void> {
  const { db: root, engine } = context.store;
  await inTransaction(root, async (db) => {
    await clearSearchIndex(db);
    for (let after = ''; ; ) {
      const works = await readWorksToIndex(db, after, pageSize);
      if (works.length === 0) break;
      const entries = works.map((work) => ({ workId: work.workId, keys: workSearchKeys(work.titleKeys, work.creatorKeys), fresh: true }));
      await addWorkSearchKeys(db, (table, rows) => engine.bulkInsert(db, table, rows), entries, termVariants);
      after = works[works.length - 1].workId;
    }
    await markSearchIndexPending(db, false);
  });
}

/** Builds the search index when the store's works predate it (migration 0010 marks that); a no-op otherwise. */
export async function ensureSearchIndex(context: Pick<RegistryContext, 'store'>): Promise<void> {
  if (await isSearchIndexPending(context.store.db)) await rebuildSearchIndex(context);
}
