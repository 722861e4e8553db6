import { ClefError } from '../../errors/index.js';
import { appendHistory, inTransaction } from '../../store/index.js';
import { closeCounterclaims, readCounterclaims, withdrawRegistrations } from '../../store/registry/counterclaim-queries.js';
import { readCurrentRegistrations } from '../../store/registry/registration-queries.js';
import { replaceSharePictures } from '../../store/registry/work-queries.js';
import { consolidateShares } from '../consolidate-shares.js';
import { createTerritoryResolver } from '../../lookups/index.js';
import { registrationFromRows } from './registration-from-rows.js';
import type { RegistryContext } from './registry-context.js';
import { sharePictureRows } from './share-picture-rows.js';
import { syncCounterclaims } from './sync-counterclaims.js';

/** One counterclaim as its submitters and the CMO see it. */
export interface CounterclaimView {
  readonly counterclaim_id: string;
  readonly work_id: string;
  readonly title: string;
  readonly iswc: string | null;
  readonly status: string;
  readonly opened_at: string;
  readonly deadline: string;
  /** True when still open after its deadline. */
  readonly overdue: boolean;
  readonly registrations: readonly { registration_id: string; submitter: string; submitter_work_number: string; status: string }[];
  readonly resolved_at: string | null;
  readonly resolution: unknown;
}

/**
 * The counterclaims, open ones first; with `submitter` (an IPI name number or society code as `works import` stores
 * it) only those naming one of its registrations: the listing each submitter of a conflict can fetch.
 */
export async function listCounterclaims(context: Pick<RegistryContext, 'store' | 'clock'>, filter: { submitter?: string } = {}): Promise<CounterclaimView[]> {
  const { rows, registrations } = await readCounterclaims(context.store.db);
  const byId = new Map(registrations.map((r) => [r.registration_id, r]));
  const today = context.clock().slice(0, 10);
  return rows
    .map((row) => ({
      counterclaim_id: row.counterclaim_id,
      work_id: row.work_id,
      title: row.title,
      iswc: row.iswc,
      status: row.status,
      opened_at: row.opened_at,
      deadline: row.deadline,
      overdue: row.status === 'open' && row.deadline < today,
      registrations: row.registration_ids.split(' ').map((id) => {
        const r = byId.get(id);
        return { registration_id: id, submitter: r ? `${r.submitter_kind}:${r.submitter_id}` : '?', submitter_work_number: r?.submitter_work_number ?? '', status: r?.status ?? '' };
      }),
      resolved_at: row.resolved_at,
      resolution: row.resolution === null ? null : JSON.parse(row.resolution),
    }))
    .filter((view) => filter.submitter === undefined || view.registrations.some((r) => r.submitter.endsWith(`:${filter.submitter}`)));
}

/**
 * Resolves an open counterclaim by keeping one of its registrations: the others are set aside (status `withdrawn`,
 * kept for history), the work's share picture is derived anew, the counterclaim closed with what was decided, and the
 * history tells who did it. Money already booked to the disputed reserve stays there: releasing it by an adjustment
 * run is not built yet (docs/registry.md).
 */
export async function resolveCounterclaim(context: RegistryContext, counterclaimId: string, keep: string) {
  const resolve = createTerritoryResolver(context.lookups.territories);
  return inTransaction(context.store.db, async (tx) => {
    const row = await tx.selectFrom('counterclaims').selectAll().where('counterclaim_id', '=', counterclaimId).executeTakeFirst();
    if (!row) throw new ClefError('CLEF_NOT_FOUND', `no counterclaim ${counterclaimId} (clef works disputes lists them)`);
    if (row.status !== 'open') throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `counterclaim ${counterclaimId} was resolved on ${row.resolved_at}`);
    const ids = row.registration_ids.split(' ');
    if (!ids.includes(keep)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `registration ${keep} is not one of counterclaim ${counterclaimId}'s: ${ids.join(', ')}`, { field: 'keep', value: keep });
    const now = context.clock();
    const withdrawn = ids.filter((id) => id !== keep);
    const resolution = { kept: keep, withdrawn, by: context.actor };
    await withdrawRegistrations(tx, withdrawn, keep);
    await closeCounterclaims(tx, [counterclaimId], now, JSON.stringify(resolution));
    const picture = consolidateShares((await readCurrentRegistrations(tx, [row.work_id])).map(registrationFromRows), resolve);
    const { shares, disputes } = sharePictureRows(row.work_id, picture);
    await replaceSharePictures(tx, (table, rows) => context.store.engine.bulkInsert(tx, table, rows as never), [row.work_id], shares, disputes, true);
    const history = await syncCounterclaims(tx, context.store.engine, new Map([[row.work_id, picture]]), { actor: context.actor, now });
    await appendHistory(tx, [{ actor: context.actor, at: now, entityKind: 'work', entityId: row.work_id, action: 'counterclaim resolved', detail: { counterclaim_id: counterclaimId, ...resolution } }, ...history]);
    return { counterclaim_id: counterclaimId, work_id: row.work_id, ...resolution, in_dispute: picture.inDispute };
  });
}
