import type { Member } from './member.js';
import type { Right } from './right.js';
import { covers, type TerritoryResolver } from '../lookups/index.js';

/** True when a membership runs on the ISO date `date` (start and end days included). */
export function membershipRunsOn(member: Member, date: string): boolean {
  return member.startDate <= date && (member.endDate === undefined || date <= member.endDate);
}

/**
 * The CMO's membership representing `partyId` for `right` in the country `tis` on `date`, if there is one, among
 * `members` (a run passes the party's own memberships from its payee index rather than every member).
 */
export function findMembership(
  members: readonly Member[],
  partyId: string,
  right: Right,
  tis: number,
  date: string,
  resolve: TerritoryResolver,
): Member | undefined {
  return members.find(
    (m) => m.partyId === partyId && m.rights.includes(right) && membershipRunsOn(m, date) && covers(resolve(m.territories), tis),
  );
}
