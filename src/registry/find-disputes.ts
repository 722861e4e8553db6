import { consolidateShares, type ShareClaim } from './consolidate-shares.js';
import { countriesOf, describeTerritories, type TerritoryResolver } from '../lookups/index.js';
import type { Registration } from './registration.js';
import type { Right } from './right.js';
import { formatShare, type BasisPoints } from './share.js';
import type { Work } from './work.js';

/** The normalizing keys that decide whether two differently documented works are the same (see match-key.ts). */
export interface WorkMatchKeys {
  readonly titleKey: (title: string) => string;
  readonly nameKey: (name: string) => string;
}

/** A work with every registration on it. */
export interface RegisteredWork {
  readonly work: Work;
  readonly registrations: readonly Registration[];
}

/** Registrations of the same work that disagree on a party's share, or whose merged claims exceed 100 % of a right in a region; every claim is kept. */
export interface Dispute {
  readonly code: 'CLEF_REGISTRY_DISPUTE';
  readonly message: string;
  /** The works found to be the same, first the one listed first. */
  readonly workIds: readonly string[];
  /** How the works were found to be the same: a shared ISWC, or the same normalized title and creators. */
  readonly matchedBy: 'iswc' | 'title-and-creators' | 'same-work';
  readonly right: Right;
  /** TIS codes of the countries where the claims exceed 100 %. */
  readonly territories: readonly number[];
  readonly total: BasisPoints;
  readonly claims: readonly ShareClaim[];
}

/**
 * Finds registrations of the same work that, merged per interested party, disagree on a party's share or claim more
 * than 100 % (+0.06 %) of a right in a territory.
 * Works are the same when they share an ISWC (current or archived), or the same normalized title and the same set of
 * normalized writer names; `partyName` names the writers. Nothing is overwritten: each dispute lists every claim.
 */
export function findDisputes(
  works: readonly RegisteredWork[],
  partyName: (partyId: string) => string | undefined,
  keys: WorkMatchKeys,
  resolve: TerritoryResolver,
): Dispute[] {
  const parent = works.map((_, i) => i);
  const root = (i: number): number => (parent[i] === i ? i : (parent[i] = root(parent[i])));
  const firstWith = new Map<string, number>();
  const link = (key: string, i: number): void => {
    const first = firstWith.get(key);
    if (first === undefined) firstWith.set(key, i);
    else parent[root(i)] = root(first);
  };
  works.forEach(({ work, registrations }, i) => {
    for (const iswc of iswcsOf(work)) link(`iswc:${iswc}`, i);
    const creators = creatorKeys(registrations, partyName, keys.nameKey);
    if (creators.length > 0) link(`title:${keys.titleKey(work.title)}|${creators.join('|')}`, i);
  });

  const groups = new Map<number, number[]>();
  works.forEach((_, i) => {
    const r = root(i);
    groups.set(r, [...(groups.get(r) ?? []), i]);
  });
  const disputes: Dispute[] = [];
  for (const members of groups.values()) {
    const registrations = members.flatMap((i) => works[i].registrations);
    if (registrations.length < 2) continue;
    const picture = consolidateShares(registrations, resolve);
    if (!picture.inDispute) continue;
    const workIds = members.map((i) => works[i].work.id);
    const matchedBy = members.length === 1 ? 'same-work' : shareAnIswc(members.map((i) => works[i].work)) ? 'iswc' : 'title-and-creators';
    for (const cell of picture.cells) {
      if (!cell.inDispute) continue;
      disputes.push({
        code: 'CLEF_REGISTRY_DISPUTE',
        message: `work ${workIds.join(' = ')} "${works[members[0]].work.title}": registrations ${[...new Set(cell.claims.flatMap((c) => c.values.map((v) => v.registrationId)))].join(', ')} together claim ${formatShare(cell.total)} of ${cell.right} in ${describeTerritories(cell.territories)} (contested: ${cell.claims.filter((c) => c.contested).map((c) => `${c.partyId} ${c.values.map((v) => `${formatShare(v.share)} by ${v.registrationId}`).join(' or ')}`).join(', ')})`,
        workIds,
        matchedBy,
        right: cell.right,
        territories: countriesOf(cell.territories),
        total: cell.total,
        claims: cell.claims,
      });
    }
  }
  return disputes;
}

function creatorKeys(registrations: readonly Registration[], partyName: (id: string) => string | undefined, nameKey: (name: string) => string): string[] {
  const found = new Set<string>();
  for (const registration of registrations) {
    for (const party of registration.parties) {
      if (party.kind !== 'writer') continue;
      const name = partyName(party.partyId);
      if (name) found.add(nameKey(name));
    }
  }
  return [...found].sort();
}

function iswcsOf(work: Work): string[] {
  return [work.iswc, ...work.archivedIswcs].filter((iswc): iswc is string => Boolean(iswc));
}

function shareAnIswc(works: readonly Work[]): boolean {
  const seen = new Set<string>();
  for (const work of works) {
    const own = new Set(iswcsOf(work));
    for (const iswc of own) if (seen.has(iswc)) return true;
    for (const iswc of own) seen.add(iswc);
  }
  return false;
}
