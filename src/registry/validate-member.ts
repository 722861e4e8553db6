import { isIsoDate } from '../calendar/index.js';
import { ClefError } from '../errors/clef-error.js';
import type { Member } from './member.js';
import { isRight } from './right.js';
import { type TerritoryTable, unknownTerritories } from '../lookups/index.js';

/** Refuses a member record with no or unknown rights, no or unknown territories, or dates that are invalid or out of order. */
export function validateMember(member: Member, territories: TerritoryTable): void {
  const refuse = (message: string, field: string, value: string): never => {
    throw new ClefError('CLEF_MEMBER_INVALID', `member ${member.id} (party ${member.partyId}): ${message}`, { field, value });
  };
  if (member.rights.length === 0) refuse('has no right (PR, MR or SR)', 'rights', '');
  for (const right of member.rights) if (!isRight(right)) refuse(`right ${right} is not PR, MR or SR`, 'rights', right);
  if (member.territories.length === 0) refuse('has no territory', 'territories', '');
  const unknown = unknownTerritories(territories, member.territories);
  if (unknown.length > 0) refuse(`TIS territory ${unknown.join(', ')} is not in the territory table`, 'territories', unknown.join(' '));
  if (!isIsoDate(member.startDate)) refuse(`start date ${member.startDate} is not a date (YYYY-MM-DD)`, 'startDate', member.startDate);
  if (member.endDate !== undefined) {
    if (!isIsoDate(member.endDate)) refuse(`end date ${member.endDate} is not a date (YYYY-MM-DD)`, 'endDate', member.endDate);
    if (member.endDate < member.startDate) refuse(`ends (${member.endDate}) before it starts (${member.startDate})`, 'endDate', member.endDate);
  }
}
