import { currentRegistrations } from './current-registrations.js';
import { effectiveCollection } from './effective-collection.js';
import { partitionTerritories } from './partition-territories.js';
import type { CollectionClaim, Registration, RegistrationParty } from './registration.js';
import { rights, type Right } from './right.js';
import { fullShare, shareTolerance, type BasisPoints } from './share.js';
import { type TerritoryResolver, type TerritorySet, worldChain } from '../lookups/index.js';

/** One party's collection claim for one right in one region, from one registration. */
export interface ShareClaim {
  readonly registrationId: string;
  readonly partyId: string;
  readonly kind: RegistrationParty['kind'];
  readonly role: string;
  readonly share: BasisPoints;
}

/** Who collects what of one right in one region where the same claims apply. */
export interface ShareCell {
  readonly right: Right;
  readonly territories: TerritorySet;
  /** Every claim, none overwritten, in registration order. */
  readonly claims: readonly ShareClaim[];
  readonly total: BasisPoints;
  /** What no registration claims: 100 % minus the total, never negative. */
  readonly undocumented: BasisPoints;
  /** The claims add up to more than 100 % (+0.06 %). */
  readonly inDispute: boolean;
}

/** A work's consolidated share picture: per right, the World cut into regions with their claims. */
export interface SharePicture {
  /** The registrations counted: the latest per submitter and submitter work number. */
  readonly registrationIds: readonly string[];
  readonly supersededIds: readonly string[];
  /** Per right, cells that together cover the World exactly once. */
  readonly cells: readonly ShareCell[];
  readonly inDispute: boolean;
}

interface Entry {
  readonly registration: Registration;
  readonly party: RegistrationParty;
  readonly claim: CollectionClaim;
  readonly territories: TerritorySet;
}

/**
 * Derives who collects what of a work, per right and territory, from its registrations: revisions replace what they
 * revise, a party with no territory records collects its ownership share worldwide, every claim is kept, and a region
 * claimed beyond 100 % (+0.06 %) is marked in dispute. Territory chains are resolved once each through `resolve`.
 */
export function consolidateShares(registrations: readonly Registration[], resolve: TerritoryResolver): SharePicture {
  const { current, superseded } = currentRegistrations(registrations);
  const world = resolve(worldChain);
  const entries: Entry[] = [];
  for (const registration of current) {
    for (const party of registration.parties) {
      for (const claim of effectiveCollection(party)) {
        entries.push({ registration, party, claim, territories: resolve(claim.territories) });
      }
    }
  }
  const cells: ShareCell[] = [];
  let inDispute = false;
  for (const right of rights) {
    const forRight: Entry[] = [];
    for (const entry of entries) if (entry.claim.shares[right] > 0) forRight.push(entry);
    for (const cell of partitionTerritories(world, forRight, (e) => e.territories)) {
      let total = 0;
      const claims = cell.entries.map((e): ShareClaim => {
        const share = e.claim.shares[right];
        total += share;
        return { registrationId: e.registration.id, partyId: e.party.partyId, kind: e.party.kind, role: e.party.role, share };
      });
      const disputed = total > fullShare + shareTolerance;
      inDispute ||= disputed;
      cells.push({ right, territories: cell.territories, claims, total, undocumented: Math.max(0, fullShare - total), inDispute: disputed });
    }
  }
  return { registrationIds: current.map((r) => r.id), supersededIds: superseded.map((r) => r.id), cells, inDispute };
}
