import { findMembership } from '../registry/find-membership.js';
import type { Right } from '../registry/right.js';
import { covers, type TerritoryResolver } from '../lookups/index.js';
import type { RegistrySnapshot } from './distribution-input.js';
import { payeeIndexOf } from './payee-index.js';

/** Who receives a party's share: the member itself, the sister society it is affiliated to, or the non-member reserve. */
export type Payee = { readonly kind: 'party' } | { readonly kind: 'society'; readonly societyCode: string } | { readonly kind: 'non_member' };

/**
 * The payee of a party's share of `right` in the country `tis` on `date`: a member of the CMO for that right,
 * territory and date is paid; else a party affiliated for that right to a sister society whose reciprocal
 * agreement covers the right and territory is payable to that society (the smallest society code if several);
 * anyone else is held in the non-member reserve. The snapshot's rows are read through its payee index, a party's own.
 */
export function resolvePayee(registry: RegistrySnapshot, partyId: string, right: Right, tis: number, date: string, resolve: TerritoryResolver): Payee {
  const index = payeeIndexOf(registry);
  if (findMembership(index.members(partyId), partyId, right, tis, date, resolve)) return { kind: 'party' };
  const societies = index
    .affiliations(partyId, right)
    .filter((code) => index.sisters(code).some((s) => s.rights.includes(right) && covers(resolve(s.territories), tis)))
    .sort();
  return societies.length > 0 ? { kind: 'society', societyCode: societies[0] } : { kind: 'non_member' };
}
