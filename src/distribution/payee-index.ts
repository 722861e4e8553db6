import type { Member } from '../registry/member.js';
import type { Right } from '../registry/right.js';
import type { Affiliation, RegistrySnapshot, SisterSociety } from './distribution-input.js';

/** A snapshot's memberships, affiliations and sister societies by key, so finding a share's payee reads a party's own rows. */
export interface PayeeIndex {
  /** The memberships of a party, in the snapshot's order. */
  members(partyId: string): readonly Member[];
  /** The society codes a party is affiliated to for a right, in the snapshot's order. */
  affiliations(partyId: string, right: Right): readonly string[];
  /** The reciprocal agreements of a society. */
  sisters(societyCode: string): readonly SisterSociety[];
}

const none: readonly never[] = [];
const built = new WeakMap<RegistrySnapshot, PayeeIndex>();

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const group = groups.get(key(row));
    if (group) group.push(row);
    else groups.set(key(row), [row]);
  }
  return groups;
}

const affiliationKey = (partyId: string, right: string): string => `${partyId}\u0000${right}`;

/** The snapshot's payee rows indexed by party and society, built once per snapshot (a run holds one for all its shares). */
export function payeeIndexOf(registry: RegistrySnapshot): PayeeIndex {
  let index = built.get(registry);
  if (index) return index;
  const members = groupBy(registry.members, (m) => m.partyId);
  const affiliations = new Map([...groupBy(registry.affiliations, (a: Affiliation) => affiliationKey(a.partyId, a.right))].map(([key, rows]) => [key, rows.map((a) => a.societyCode)]));
  const sisters = groupBy(registry.sisters, (s) => s.societyCode);
  index = {
    members: (partyId) => members.get(partyId) ?? none,
    affiliations: (partyId, right) => affiliations.get(affiliationKey(partyId, right)) ?? none,
    sisters: (societyCode) => sisters.get(societyCode) ?? none,
  };
  built.set(registry, index);
  return index;
}
