import { partitionTerritories } from './partition-territories.js';
import type { Registration, RegistrationParty } from './registration.js';
import type { RegistryPolicy } from './registry-policy.js';
import { rights, type Right } from './right.js';
import { shareTolerance, type BasisPoints } from './share.js';
import type { TerritoryResolver } from '../lookups/index.js';
import { isEmptyTerritorySet, type TerritorySet } from '../lookups/index.js';
import { worldChain } from '../lookups/index.js';

/** What one party of one registration collects of one right in a set of countries, after the chain of title. */
export interface CollectionEntry {
  readonly party: RegistrationParty;
  readonly right: Right;
  readonly territories: TerritorySet;
  readonly share: BasisPoints;
}

/** A collection share the chain of title lowered: the field as sent and the value kept. */
export interface CollectionCut {
  readonly partyId: string;
  readonly right: Right;
  readonly territories: TerritorySet;
  readonly claimed: BasisPoints;
  readonly kept: BasisPoints;
  readonly reason: 'chain-ownership' | 'writers-performing-share';
}

/** A registration's collection per party, right and territory, with what the chain of title had to lower. */
export interface RegistrationCollection {
  readonly entries: readonly CollectionEntry[];
  readonly cuts: readonly CollectionCut[];
}

/** Publisher types that hold an original publisher's share after it: they join the chain of the `E` before them. */
const followers = new Set(['AM', 'SE', 'PA', 'AQ', 'ES', 'SA']);

/**
 * The chain each publisher belongs to: its Publisher Sequence # when the registration gives one; otherwise an `E`
 * (or any type that is no follower) opens a chain and the followers after it join it.
 */
export function publisherChains(parties: readonly RegistrationParty[]): Map<RegistrationParty, string> {
  const chains = new Map<RegistrationParty, string>();
  let opened = 0;
  for (const party of parties) {
    if (party.kind !== 'publisher') continue;
    if (party.chain !== undefined) chains.set(party, `seq ${party.chain}`);
    else {
      if (!followers.has(party.role) || opened === 0) opened++;
      chains.set(party, `order ${opened}`);
    }
  }
  return chains;
}

interface Chain {
  readonly members: RegistrationParty[];
  /** The writers whose shares the chain may collect beyond its ownership (PWR links; every controlled writer when the registration has none). */
  readonly writers: RegistrationParty[];
  readonly hasTerritories: boolean;
}

function chainsOf(registration: Registration): Chain[] {
  const byKey = new Map<string, RegistrationParty[]>();
  for (const [party, key] of publisherChains(registration.parties)) byKey.set(key, [...(byKey.get(key) ?? []), party]);
  const writers = registration.parties.filter((p) => p.kind === 'writer');
  const noLinks = registration.publisherLinks.length === 0;
  return [...byKey.values()].map((members) => {
    const ids = new Set(members.map((m) => m.partyId));
    const linked = writers.filter((w) =>
      noLinks ? w.controlled && members.some((m) => m.controlled) : registration.publisherLinks.some((l) => l.writerPartyId === w.partyId && ids.has(l.publisherPartyId)),
    );
    return { members, writers: linked, hasTerritories: members.some((m) => m.collection.length > 0) };
  });
}

/**
 * What each party of a registration collects, per right and territory, by the chain of title (docs/registry.md):
 * a party's territory records give its collection; a publisher without them collects nothing when another member
 * of its chain has them, and its ownership worldwide otherwise, as does a writer without them. A chain never
 * collects more in a territory than its ownership plus the shares of the writers linked to it, and (policy
 * `writersPerformingShare`) no writer's PR share: the members named first give way first, and each cut is reported.
 * What a chain collects beyond its ownership comes out of its linked writers' worldwide shares.
 */
export function registrationCollection(registration: Registration, resolve: TerritoryResolver, policy: RegistryPolicy): RegistrationCollection {
  const world = resolve(worldChain);
  const chains = chainsOf(registration);
  const chainOf = new Map<RegistrationParty, Chain>();
  for (const chain of chains) for (const member of chain.members) chainOf.set(member, chain);
  const entries: CollectionEntry[] = [];
  const cuts: CollectionCut[] = [];
  const assignedWriters = new Set(chains.flatMap((c) => c.writers));

  for (const right of rights) {
    const own: CollectionEntry[] = [];
    for (const party of registration.parties) {
      if (party.collection.length > 0) {
        for (const claim of party.collection) if (claim.shares[right] > 0) own.push({ party, right, territories: resolve(claim.territories), share: claim.shares[right] });
      } else if (!chainOf.get(party)?.hasTerritories && !(assignedWriters.has(party) && party.collection.length === 0) && party.ownership[right] > 0) {
        own.push({ party, right, territories: world, share: party.ownership[right] });
      }
    }
    // What each chain takes from its writers, per region, as [writer, region, basis points].
    const taken: { writer: RegistrationParty; territories: TerritorySet; share: BasisPoints }[] = [];
    const bounded: CollectionEntry[] = own.filter((e) => !chainOf.has(e.party));
    for (const chain of chains) {
      const members = own.filter((e) => chainOf.get(e.party) === chain);
      const ownership = sum(chain.members, (m) => m.ownership[right]);
      const assignable = right === 'PR' && policy.writersPerformingShare ? [] : chain.writers.filter((w) => w.collection.length === 0);
      const limit = ownership + sum(assignable, (w) => w.ownership[right]);
      // Most chains claim no more than they own anywhere: nothing to cut or take, no territories to cut up.
      if (sum(members, (e) => e.share) <= ownership) {
        bounded.push(...members);
        continue;
      }
      for (const cell of partitionTerritories(world, members, (e) => e.territories)) {
        if (cell.entries.length === 0) continue;
        const claimed = sum(cell.entries, (e) => e.share);
        let excess = claimed - limit > shareTolerance ? claimed - limit : 0;
        for (const entry of cell.entries) {
          const cut = Math.min(entry.share, excess);
          excess -= cut;
          if (cut > 0) cuts.push({ partyId: entry.party.partyId, right, territories: cell.territories, claimed: entry.share, kept: entry.share - cut, reason: right === 'PR' && policy.writersPerformingShare ? 'writers-performing-share' : 'chain-ownership' });
          if (entry.share > cut) bounded.push({ ...entry, territories: cell.territories, share: entry.share - cut });
        }
        let fromWriters = Math.max(0, Math.min(claimed, limit) - ownership);
        for (const writer of assignable) {
          const share = Math.min(writer.ownership[right], fromWriters);
          fromWriters -= share;
          if (share > 0) taken.push({ writer, territories: cell.territories, share });
        }
      }
    }
    for (const writer of assignedWriters) {
      if (writer.collection.length > 0 || writer.ownership[right] === 0) continue;
      const mine = taken.filter((t) => t.writer === writer);
      for (const cell of partitionTerritories(world, mine, (t) => t.territories)) {
        const share = writer.ownership[right] - sum(cell.entries, (t) => t.share);
        if (share > 0) bounded.push({ party: writer, right, territories: cell.territories, share });
      }
    }
    entries.push(...bounded.filter((e) => !isEmptyTerritorySet(e.territories)));
  }
  return { entries: order(entries, registration.parties), cuts };
}

/** Entries in the registration's party order, then by right, so pictures list parties as they were sent. */
function order(entries: CollectionEntry[], parties: readonly RegistrationParty[]): CollectionEntry[] {
  const position = new Map(parties.map((p, i) => [p, i]));
  return entries.sort((a, b) => position.get(a.party)! - position.get(b.party)! || rights.indexOf(a.right) - rights.indexOf(b.right));
}

function sum<T>(items: readonly T[], share: (item: T) => BasisPoints): BasisPoints {
  let total = 0;
  for (const item of items) total += share(item);
  return total;
}
