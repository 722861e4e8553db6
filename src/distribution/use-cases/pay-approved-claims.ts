import type { Kysely } from 'kysely';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { listClaimRows, updateClaim } from '../../store/distribution/reserve-queries.js';
import type { ClefDatabase } from '../../store/index.js';
import type { DistributionPolicy } from '../distribution-policy.js';
import { recordTransferRun } from './record-transfer-run.js';
import { loadReserveSlots, settleClaims } from './reserve-slots.js';

/**
 * Pays every approved claim out of its reserve in a `claims` run (the next run after approval), in claim order,
 * each its amount or what is left where it reaches; marks them paid. Returns the run, or null when none was due.
 */
export async function payApprovedClaims(
  tx: Kysely<ClefDatabase>,
  context: RegistryContext,
  run: { readonly period: string; readonly currency: string; readonly policy: DistributionPolicy; readonly policyText: string },
): Promise<string | null> {
  const approved = await listClaimRows(tx, 'approved');
  if (approved.length === 0) return null;
  const { settled } = settleClaims(await loadReserveSlots(tx), approved);
  if (settled.length === 0) return null;
  const runId = await recordTransferRun(tx, context, {
    kind: 'claims', ...run,
    inputs: { claims: settled.map((s) => ({ claim_id: s.claim.claim_id, party_id: s.claim.party_id, reserve: s.claim.reserve, paid_micros: s.paidMicros })) },
    entries: settled.flatMap((s) => s.entries),
  });
  for (const s of settled) await updateClaim(tx, s.claim.claim_id, { status: 'paid', paid_run_id: runId, paid_micros: s.paidMicros });
  return runId;
}
