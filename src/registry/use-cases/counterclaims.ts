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
import { withShareResolutions } from './share-resolutions.js';
import { applyShareDecision, checkShareDecision, parseShareDecision, type ShareDecision } from '../share-decision.js';
import { findPartyIdsByIpi, readParties } from '../../store/registry/party-queries.js';
import { refuseDuringStagedImport } from './staged-works-import.js';

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

/** How a counterclaim is resolved: one registration stands, or explicit shares (`--shares` texts) decide the disputed rights. */
export type CounterclaimChoice = { readonly keep: string } | { readonly shares: readonly string[] };

/** Party ids by IPI name number for a decision's parties; an IPI no party has is a resolution error. */
async function decisionByParty(db: Parameters<typeof findPartyIdsByIpi>[0], texts: readonly string[]): Promise<{ decision: ShareDecision; ipiOf: Map<string, string> }> {
  const byIpi = parseShareDecision(texts);
  const ipis = [...new Set([...byIpi.values()].flatMap((shares) => [...shares.keys()]))];
  const partyIds = await findPartyIdsByIpi(db, ipis);
  for (const ipi of ipis) if (!partyIds.has(ipi)) throw new ClefError('CLEF_REGISTRY_RESOLUTION_INVALID', `--shares names IPI ${ipi}, which no party has`, { field: 'shares', value: ipi });
  const decision = new Map([...byIpi].map(([right, shares]) => [right, new Map([...shares].map(([ipi, bp]) => [partyIds.get(ipi)!, bp]))]));
  return { decision, ipiOf: new Map(ipis.map((ipi) => [partyIds.get(ipi)!, ipi])) };
}

/**
 * Resolves an open counterclaim, with the history kept and the counterclaim closed with what was decided. `keep`:
 * that registration stands and the others are set aside (status `withdrawn`, kept for history). `shares`: every
 * registration stays and the disputed rights take the decided shares (checked against the picture: every contested
 * party decided, within 100 %), recorded on the counterclaim and applied whenever the work's picture is derived
 * anew while the same parties contest. Money already held in the disputed reserve is released by adjusting the runs
 * that held it (`releaseDisputedWork`, run by the CLI after this).
 */
export async function resolveCounterclaim(context: RegistryContext, counterclaimId: string, choice: CounterclaimChoice) {
  const resolve = createTerritoryResolver(context.lookups.territories);
  return inTransaction(context.store.db, async (tx) => {
    await refuseDuringStagedImport(tx, context.store.engine);
    const row = await tx.selectFrom('counterclaims').selectAll().where('counterclaim_id', '=', counterclaimId).executeTakeFirst();
    if (!row) throw new ClefError('CLEF_NOT_FOUND', `no counterclaim ${counterclaimId} (clef works disputes lists them)`);
    if (row.status !== 'open') throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `counterclaim ${counterclaimId} was resolved on ${row.resolved_at}`);
    const ids = row.registration_ids.split(' ');
    const now = context.clock();
    const derive = async () => (await withShareResolutions(tx, new Map([[row.work_id, consolidateShares((await readCurrentRegistrations(tx, [row.work_id])).map(registrationFromRows), resolve)]]))).get(row.work_id)!;
    let resolution: { kept?: string; withdrawn: string[]; shares?: Record<string, Record<string, number>>; ipis?: Record<string, string>; by: string };
    let picture;
    if ('keep' in choice) {
      const keep = choice.keep;
      if (!ids.includes(keep)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `registration ${keep} is not one of counterclaim ${counterclaimId}'s: ${ids.join(', ')}`, { field: 'keep', value: keep });
      resolution = { kept: keep, withdrawn: ids.filter((id) => id !== keep), by: context.actor };
      await withdrawRegistrations(tx, resolution.withdrawn, keep);
      picture = await derive();
    } else {
      const { decision, ipiOf } = await decisionByParty(tx, choice.shares);
      const before = await derive();
      const contested = [...new Set(before.cells.flatMap((c) => c.claims.filter((claim) => claim.contested).map((claim) => claim.partyId)))];
      const named = new Map((await readParties(tx, contested)).ipis.map((row) => [row.party_id, row.ipi_name_number]));
      checkShareDecision(before, decision, (partyId) => ipiOf.get(partyId) ?? named.get(partyId) ?? partyId);
      picture = applyShareDecision(before, decision);
      resolution = { withdrawn: [], shares: Object.fromEntries([...decision].map(([right, shares]) => [right, Object.fromEntries(shares)])), ipis: Object.fromEntries(ipiOf), by: context.actor };
    }
    await closeCounterclaims(tx, [counterclaimId], now, JSON.stringify(resolution));
    const { shares, disputes } = sharePictureRows(row.work_id, picture);
    await replaceSharePictures(tx, (table, rows) => context.store.engine.bulkInsert(tx, table, rows as never), [row.work_id], shares, disputes, [row.work_id]);
    const history = await syncCounterclaims(tx, context.store.engine, new Map([[row.work_id, picture]]), { actor: context.actor, now });
    await appendHistory(tx, [{ actor: context.actor, at: now, entityKind: 'work', entityId: row.work_id, action: 'counterclaim resolved', detail: { counterclaim_id: counterclaimId, ...resolution } }, ...history]);
    return { counterclaim_id: counterclaimId, work_id: row.work_id, ...resolution, in_dispute: picture.inDispute };
  });
}
