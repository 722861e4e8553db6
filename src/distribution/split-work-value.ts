import { allocateLargestRemainder } from '../money/index.js';
import { heldShareParty } from '../registry/consolidate-shares.js';
import type { Right } from '../registry/right.js';
import type { TerritoryResolver } from '../lookups/index.js';
import type { PoolRules } from './distribution-policy.js';
import type { PoolInput, RegistrySnapshot, WorkFacts } from './distribution-input.js';
import { findShareCell, sharesSplitWithin } from './find-share-cell.js';
import type { LedgerAccumulator } from './ledger-accumulator.js';
import { resolvePayee } from './resolve-payee.js';

/** What dividing a work's value needs: the pool, its rules, the registry snapshot and where to book. */
export interface WorkSplitContext {
  readonly pool: PoolInput;
  readonly rules: PoolRules;
  readonly registry: RegistrySnapshot;
  readonly resolve: TerritoryResolver;
  readonly ledger: LedgerAccumulator;
}

const undocumentedKey = '~undocumented';

/**
 * Books a work's value for one right: a fully AI-generated work by the policy's treatment; otherwise over the
 * work's collection shares in the pool's territory, each party's part to its payee, the part held for a counterclaim
 * to the disputed reserve, the unclaimed part to the undocumented-share reserve, an over-claimed cell or a work nobody documented there to the disputed or
 * undocumented-share reserve.
 */
export function splitWorkValue(context: WorkSplitContext, work: WorkFacts, right: Right, value: bigint, usages: bigint): void {
  const { pool, rules, registry, resolve, ledger } = context;
  const base = { poolId: pool.poolId, workId: work.workId, recordingId: null, right, usages };
  const reserve = (accountId: string, amountMicros: bigint, partyId: string | null = null): void =>
    ledger.book({ ...base, accountKind: 'reserve', accountId, partyId, amountMicros });
  let payable = value;
  if (work.fullyAiGenerated) {
    const treatment = rules.aiGenerated;
    if (treatment.treatment === 'reserve') return reserve('ai_generated', value);
    if (treatment.treatment === 'rate') {
      const parts = allocateLargestRemainder(value, [
        { key: 'paid', weight: treatment.rateBasisPoints },
        { key: 'reserve', weight: 10_000n - treatment.rateBasisPoints },
      ]);
      reserve('ai_generated', parts.get('reserve')!);
      payable = parts.get('paid')!;
    }
  }
  // A multi-territory pool whose shares differ inside it is read in the CMO's own country (docs/distribution.md).
  const splitHere = pool.shareFallbackTis != null && sharesSplitWithin(work, right, pool.territoryTis, resolve);
  const cell = findShareCell(work, right, splitHere ? pool.shareFallbackTis! : pool.territoryTis, resolve);
  if (cell === null) return reserve('undocumented_share', payable);
  if (cell.inDispute) return reserve('disputed', payable);
  const weights = [...cell.parties].map(([key, weight]) => ({ key, weight }));
  if (cell.undocumented > 0n) weights.push({ key: undocumentedKey, weight: cell.undocumented });
  for (const [partyId, amountMicros] of allocateLargestRemainder(payable, weights)) {
    if (partyId === undocumentedKey) {
      reserve('undocumented_share', amountMicros);
      continue;
    }
    if (partyId === heldShareParty) {
      reserve('disputed', amountMicros);
      continue;
    }
    const payee = resolvePayee(registry, partyId, right, pool.territoryTis, pool.date, resolve);
    if (payee.kind === 'party') ledger.book({ ...base, accountKind: 'party', accountId: partyId, partyId, amountMicros });
    else if (payee.kind === 'society') ledger.book({ ...base, accountKind: 'society', accountId: payee.societyCode, partyId, amountMicros });
    else reserve('non_member', amountMicros, partyId);
  }
}
