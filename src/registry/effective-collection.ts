import type { CollectionClaim, RegistrationParty } from './registration.js';
import { worldChain } from '../lookups/index.js';

/** A party's collection claims; a party with no territory records collects its ownership share worldwide. */
export function effectiveCollection(party: RegistrationParty): readonly CollectionClaim[] {
  return party.collection.length > 0 ? party.collection : [{ territories: worldChain, shares: party.ownership }];
}
