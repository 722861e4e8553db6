import { registrationCollection, type CollectionCut, type CollectionEntry } from './chain-of-title.js';
import { currentRegistrations } from './current-registrations.js';
import { partitionTerritories } from './partition-territories.js';
import type { Registration, RegistrationParty } from './registration.js';
import { defaultRegistryPolicy, type RegistryPolicy } from './registry-policy.js';
import { rights, type Right } from './right.js';
import { fullShare, shareTolerance, type BasisPoints } from './share.js';
import { type TerritoryResolver, type TerritorySet, worldChain } from '../lookups/index.js';

/** The party id a stored share picture gives a cell's held (contested) share: distribution books it to the disputed reserve. */
export const heldShareParty = '~disputed';

/** What one registration gives one party in a cell. */
export interface RegistrationValue {
  readonly registrationId: string;
  readonly share: BasisPoints;
}

/** One party's collection of one right in one region, merged across the registrations that name it. */
export interface ShareClaim {
  /** The first registration that names the party here. */
  readonly registrationId: string;
  readonly partyId: string;
  readonly kind: RegistrationParty['kind'];
  readonly role: string;
  /** The share the registrations agree on; when they do not, the largest one claimed (held, not paid). */
  readonly share: BasisPoints;
  /** What each registration naming the party here gives it. */
  readonly values: readonly RegistrationValue[];
  /** Registrations disagree on it, or it is part of a region claimed beyond 100 %: its money is held. */
  readonly contested: boolean;
}

/** Who collects what of one right in one region where the same claims apply. */
export interface ShareCell {
  readonly right: Right;
  readonly territories: TerritorySet;
  /** One claim per party, in registration order. */
  readonly claims: readonly ShareClaim[];
  /** The merged claims added up (agreed shares, and the largest of each contested one). */
  readonly total: BasisPoints;
  /** What is paid: the uncontested claims. */
  readonly paid: BasisPoints;
  /** What is held for the counterclaim: the contested claims, at most what the uncontested ones leave of 100 %. */
  readonly held: BasisPoints;
  /** What no registration claims: 100 % minus paid and held, never negative. */
  readonly undocumented: BasisPoints;
  readonly inDispute: boolean;
}

/** A work's consolidated share picture: per right, the World cut into regions with their merged claims. */
export interface SharePicture {
  /** The registrations counted: the latest per submitter and submitter work number. */
  readonly registrationIds: readonly string[];
  readonly supersededIds: readonly string[];
  /** Per right, cells that together cover the World exactly once. */
  readonly cells: readonly ShareCell[];
  readonly inDispute: boolean;
  /** Collection shares the chain of title lowered, per registration. */
  readonly cuts: readonly (CollectionCut & { readonly registrationId: string })[];
}

interface Entry extends CollectionEntry {
  readonly registrationId: string;
}

/**
 * Derives who collects what of a work, per right and territory, from its registrations (docs/registry.md): revisions
 * replace what they revise; each registration's collection comes from its chain of title; the registrations are
 * merged per interested party, so two that give a party the same share agree. A party's claim is contested when
 * registrations give it different shares, or when the merged region exceeds 100 % (+0.06 %) and not every
 * registration there names it so; a party a registration controls (SPU/SWR) is taken from that registration, not
 * from others that only name it (OPU/OWR). Only contested claims are held.
 */
export function consolidateShares(registrations: readonly Registration[], resolve: TerritoryResolver, policy: RegistryPolicy = defaultRegistryPolicy): SharePicture {
  const { current, superseded } = currentRegistrations(registrations);
  const world = resolve(worldChain);
  const controlledSomewhere = new Set(current.flatMap((r) => r.parties.filter((p) => p.controlled).map((p) => p.partyId)));
  const entries: Entry[] = [];
  const cuts: SharePicture['cuts'][number][] = [];
  for (const registration of current) {
    const collection = registrationCollection(registration, resolve, policy);
    for (const entry of collection.entries) {
      if (entry.party.controlled || !controlledSomewhere.has(entry.party.partyId)) entries.push({ ...entry, registrationId: registration.id });
    }
    for (const cut of collection.cuts) cuts.push({ ...cut, registrationId: registration.id });
  }
  const cells: ShareCell[] = [];
  for (const right of rights) {
    const forRight = entries.filter((e) => e.right === right);
    for (const cell of partitionTerritories(world, forRight, (e) => e.territories)) cells.push(mergeCell(right, cell.territories, cell.entries));
  }
  return { registrationIds: current.map((r) => r.id), supersededIds: superseded.map((r) => r.id), cells, inDispute: cells.some((c) => c.inDispute), cuts };
}

function mergeCell(right: Right, territories: TerritorySet, entries: readonly Entry[]): ShareCell {
  const byParty = new Map<string, { first: Entry; values: Map<string, BasisPoints> }>();
  for (const entry of entries) {
    const party = byParty.get(entry.party.partyId) ?? { first: entry, values: new Map<string, BasisPoints>() };
    party.values.set(entry.registrationId, (party.values.get(entry.registrationId) ?? 0) + entry.share);
    byParty.set(entry.party.partyId, party);
  }
  const contributing = new Set(entries.map((e) => e.registrationId));
  const merged = [...byParty.values()].map(({ first, values }) => {
    const list = [...values].map(([registrationId, share]) => ({ registrationId, share }));
    const share = Math.max(...list.map((v) => v.share));
    return { first, list, share, differs: list.some((v) => v.share !== share) };
  });
  const total = merged.reduce((t, m) => t + m.share, 0);
  const overClaimed = total > fullShare + shareTolerance;
  const namedByAll = (m: (typeof merged)[number]) => m.list.length === contributing.size;
  let contested = merged.map((m) => m.differs || (overClaimed && !namedByAll(m)));
  // Agreed claims that alone exceed 100 % (one registration over-claiming) are all held.
  if (merged.reduce((t, m, i) => t + (contested[i] ? 0 : m.share), 0) > fullShare + shareTolerance) contested = merged.map(() => true);
  const claims = merged.map(({ first, list, share }, i): ShareClaim => ({
    registrationId: first.registrationId,
    partyId: first.party.partyId,
    kind: first.party.kind,
    role: first.party.role,
    share,
    values: list,
    contested: contested[i],
  }));
  let paid = 0;
  let contestedTotal = 0;
  for (const claim of claims) {
    if (claim.contested) contestedTotal += claim.share;
    else paid += claim.share;
  }
  const held = Math.min(contestedTotal, Math.max(0, fullShare - paid));
  return { right, territories, claims, total, paid, held, undocumented: Math.max(0, fullShare - paid - held), inDispute: contestedTotal > 0 };
}
