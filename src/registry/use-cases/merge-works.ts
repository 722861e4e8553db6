import { ClefError } from '../../errors/index.js';
import { appendHistory, inTransaction } from '../../store/index.js';
import { moveWorkInto } from '../../store/registry/merge-queries.js';
import { readCurrentRegistrations } from '../../store/registry/registration-queries.js';
import { replaceSharePictures } from '../../store/registry/work-queries.js';
import { consolidateShares } from '../consolidate-shares.js';
import { titleKey } from '../match-key.js';
import { createTerritoryResolver } from '../../lookups/index.js';
import { registrationFromRows } from './registration-from-rows.js';
import type { RegistryContext } from './registry-context.js';
import { resolveWorkId } from './show-work.js';
import { sharePictureRows } from './share-picture-rows.js';
import { syncCounterclaims } from './sync-counterclaims.js';
import { withShareResolutions } from './share-resolutions.js';
import { refuseDuringStagedImport } from './staged-works-import.js';

/**
 * Merges a duplicate work into the one kept: the kept work's ISWC stays preferred and the duplicate's becomes an
 * archived ISWC of it (still found by search), its title an alternate title, its registrations, recordings and
 * society numbers move over, and the kept work's share picture and disputes are derived anew from all claims.
 */
export async function mergeWorks(context: RegistryContext, keptReference: string, mergedReference: string) {
  const kept = await resolveWorkId(context, keptReference);
  const merged = await resolveWorkId(context, mergedReference);
  if (kept === merged) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `${keptReference} and ${mergedReference} are the same work ${kept}`);
  const resolve = createTerritoryResolver(context.lookups.territories);
  return inTransaction(context.store.db, async (tx) => {
    await refuseDuringStagedImport(tx, context.store.engine);
    const now = context.clock();
    const mergedRow = await tx.selectFrom('works').selectAll().where('work_id', '=', merged).executeTakeFirstOrThrow();
    await moveWorkInto(tx, kept, merged);
    await tx.insertInto('work_titles').values({ work_id: kept, title: mergedRow.title, title_type: 'AT', title_key: titleKey(mergedRow.title), language: mergedRow.language }).execute();
    const registrations = (await readCurrentRegistrations(tx, [kept])).map(registrationFromRows);
    const picture = (await withShareResolutions(tx, new Map([[kept, consolidateShares(registrations, resolve)]]))).get(kept)!;
    const { shares, disputes } = sharePictureRows(kept, picture);
    await replaceSharePictures(tx, (table, rows) => context.store.engine.bulkInsert(tx, table, rows as never), [kept], shares, disputes, [kept]);
    const detail = { kept, merged, archived_iswc: mergedRow.iswc, in_dispute: picture.inDispute };
    const counterclaims = await syncCounterclaims(tx, context.store.engine, new Map([[kept, picture], [merged, consolidateShares([], resolve)]]), { actor: context.actor, now });
    await appendHistory(tx, [
      ...counterclaims,
      { actor: context.actor, at: now, entityKind: 'work', entityId: kept, action: `merged ${merged} into this work`, detail },
      { actor: context.actor, at: now, entityKind: 'work', entityId: merged, action: `merged into ${kept}`, detail },
    ]);
    return detail;
  });
}
