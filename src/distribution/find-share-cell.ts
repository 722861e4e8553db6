import type { Right } from '../registry/right.js';
import { fullShare, shareTolerance } from '../registry/share.js';
import { covers, intersectTerritories, isEmptyTerritorySet, type TerritoryResolver } from '../lookups/index.js';
import type { WorkFacts } from './distribution-input.js';

/** The collection shares of one work, right and country: each party's basis points, what is undocumented, and whether it is over-claimed. */
export interface ShareCellView {
  /** Party id → basis points (a party claiming through several registrations is summed). */
  readonly parties: ReadonlyMap<string, bigint>;
  readonly undocumented: bigint;
  readonly inDispute: boolean;
}

/**
 * The share cell of a work for `right` that covers the country `tis`: the rows with one territory chain form a
 * cell; null when no cell covers it (nobody documented that right there). A cell documented to within 0.06 % of
 * 100 % has nothing undocumented; one claimed beyond 100 % (+0.06 %) is in dispute.
 */
export function findShareCell(work: WorkFacts, right: Right, tis: number, resolve: TerritoryResolver): ShareCellView | null {
  const cells = new Map<string, Map<string, bigint>>();
  for (const row of work.shares) {
    if (row.right !== right || !covers(resolve(row.territories), tis)) continue;
    const chainKey = row.territories.map((step) => step.inclusion + step.tis).join(' ');
    const parties = cells.get(chainKey) ?? new Map<string, bigint>();
    parties.set(row.partyId, (parties.get(row.partyId) ?? 0n) + BigInt(row.collectionBasisPoints));
    cells.set(chainKey, parties);
  }
  if (cells.size === 0) return null;
  const parties = cells.get([...cells.keys()].sort()[0])!;
  let total = 0n;
  for (const bp of parties.values()) total += bp;
  const full = BigInt(fullShare);
  // Shares within CWR's tolerance of 100 % are grossed up pro rata (allocation over the parties alone): no dust in a reserve.
  const undocumented = total < full - BigInt(shareTolerance) ? full - total : 0n;
  return { parties, undocumented, inDispute: total > full + BigInt(shareTolerance) };
}

/**
 * True when some of a work's shares for `right` apply in part of the territory `tis` only (a sub-publisher's
 * country inside a worldwide pool): no one cell then speaks for the whole territory.
 */
export function sharesSplitWithin(work: WorkFacts, right: Right, tis: number, resolve: TerritoryResolver): boolean {
  const area = resolve([{ inclusion: 'I', tis }]);
  return work.shares.some((row) => {
    if (row.right !== right) return false;
    const where = resolve(row.territories);
    return !covers(where, tis) && !isEmptyTerritorySet(intersectTerritories(where, area));
  });
}
