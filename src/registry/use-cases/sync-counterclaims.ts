import type { Kysely } from 'kysely';
import { nextIds, type ClefDatabase, type Engine, type HistoryEntry } from '../../store/index.js';
import { closeCounterclaims, readOpenCounterclaims } from '../../store/registry/counterclaim-queries.js';
import type { SharePicture } from '../consolidate-shares.js';
import { counterclaimDeadline, planCounterclaims } from '../counterclaim.js';
import { defaultRegistryPolicy, type RegistryPolicy } from '../registry-policy.js';

/**
 * Brings the counterclaims of works in step with their new share pictures, in the caller's transaction: opens one per
 * new conflict (deadline by policy), closes those whose conflict ended or changed, and returns the history to append.
 */
export async function syncCounterclaims(
  db: Kysely<ClefDatabase>,
  engine: Engine,
  pictures: ReadonlyMap<string, SharePicture>,
  meta: { actor: string; now: string; policy?: RegistryPolicy; newWorks?: ReadonlySet<string> },
): Promise<HistoryEntry[]> {
  // A work created in this transaction has no counterclaim yet.
  const open = await readOpenCounterclaims(db, [...pictures.keys()].filter((workId) => !meta.newWorks?.has(workId)));
  const toOpen: { workId: string; registrationIds: readonly string[] }[] = [];
  const toClose: string[] = [];
  const history: HistoryEntry[] = [];
  for (const [workId, picture] of pictures) {
    const plan = planCounterclaims(picture, open.filter((c) => c.work_id === workId).map((c) => ({ id: c.counterclaim_id, workId, registrationIds: c.registration_ids.split(' ') })));
    if (plan.open) toOpen.push({ workId, registrationIds: plan.open });
    toClose.push(...plan.close);
    for (const id of plan.close) history.push({ actor: meta.actor, at: meta.now, entityKind: 'work', entityId: workId, action: 'counterclaim closed', detail: { counterclaim_id: id, reason: 'the conflict ended or changed' } });
  }
  await closeCounterclaims(db, toClose, meta.now, JSON.stringify({ reason: 'the conflict ended or changed' }));
  const ids = await nextIds(db, 'counterclaim', 'C', toOpen.length);
  const deadline = counterclaimDeadline(meta.now, meta.policy ?? defaultRegistryPolicy);
  const rows = toOpen.map(({ workId, registrationIds }, i) => ({
    counterclaim_id: ids[i], work_id: workId, registration_ids: registrationIds.join(' '), opened_at: meta.now, deadline, status: 'open', resolved_at: null, resolution: null,
  }));
  await engine.bulkInsert(db, 'counterclaims', rows);
  for (const row of rows) history.push({ actor: meta.actor, at: meta.now, entityKind: 'work', entityId: row.work_id, action: 'counterclaim opened', detail: { counterclaim_id: row.counterclaim_id, registrations: row.registration_ids, deadline } });
  return history;
}
