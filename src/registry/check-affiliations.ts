import { countriesOf, describeTerritories, intersectTerritories, isEmptyTerritorySet, normalizeSocietyCode, type TerritoryResolver, type TerritorySet, unionTerritories, worldChain } from '../lookups/index.js';
import { effectiveCollection } from './effective-collection.js';
import { membershipRunsOn } from './find-membership.js';
import type { Member } from './member.js';
import type { RegistryFinding } from './registry-finding.js';
import type { Registration, RegistrationParty } from './registration.js';
import type { Right } from './right.js';

/** What decides whether a declared affiliation holds: the CMO's society code and its own member records on a date. */
export interface AffiliationContext {
  readonly cmoSocietyCode: string;
  readonly members: readonly Member[];
  /** The ISO date the registration is judged on (its receipt, or the usage period). */
  readonly date: string;
  readonly resolve: TerritoryResolver;
}

/**
 * Compares the society affiliations a registration declares with the CMO's member records and reports each
 * contradiction (a party declaring another society where it is our member, or declaring us where it is not);
 * the member records stay as they are: declarations are never applied.
 */
export function checkAffiliations(registration: Registration, context: AffiliationContext): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  const ours = normalizeSocietyCode(context.cmoSocietyCode);
  for (const party of registration.parties) {
    for (const affiliation of party.affiliations) {
      const declared = normalizeSocietyCode(affiliation.societyCode);
      const claimed = claimedTerritories(party, affiliation.right, context.resolve);
      const membership = memberTerritories(party.partyId, affiliation.right, context);
      const overlap = membership ? intersectTerritories(membership, claimed) : undefined;
      const isOurs = overlap !== undefined && !isEmptyTerritorySet(overlap);
      if (declared !== ours && isOurs) {
        findings.push(finding(registration, party, affiliation.right, declared, overlap,
          `declares society ${declared} for ${affiliation.right}, but the CMO's member records make it our member (${ours}) for ${affiliation.right} in ${describeTerritories(overlap)} on ${context.date}`));
      } else if (declared === ours && !isOurs) {
        findings.push(finding(registration, party, affiliation.right, declared, claimed,
          `declares our society ${ours} for ${affiliation.right}, but the CMO's member records hold no membership for ${affiliation.right} in ${describeTerritories(claimed)} on ${context.date}`));
      }
    }
  }
  return findings;
}

function finding(registration: Registration, party: RegistrationParty, right: Right, declared: string, where: TerritorySet, text: string): RegistryFinding {
  return {
    code: 'CLEF_REGISTRY_AFFILIATION_CONFLICT',
    severity: 'warning',
    message: `work ${registration.workId}, registration ${registration.id}: party ${party.partyId} ${text}; reported, not applied`,
    location: { recordType: party.kind === 'writer' ? 'SWR' : 'SPU', field: `${right} Affiliation Society`, value: declared },
    workId: registration.workId,
    registrationId: registration.id,
    partyIds: [party.partyId],
    right,
    numbers: {},
    territories: countriesOf(where),
  };
}

/** Where the party collects the right in this registration; where it names no share, the World. */
function claimedTerritories(party: RegistrationParty, right: Right, resolve: TerritoryResolver): TerritorySet {
  const claims = effectiveCollection(party).filter((c) => c.shares[right] > 0);
  if (claims.length === 0) return resolve(worldChain);
  return claims.map((c) => resolve(c.territories)).reduce(unionTerritories);
}

function memberTerritories(partyId: string, right: Right, context: AffiliationContext): TerritorySet | undefined {
  const sets = context.members
    .filter((m) => m.partyId === partyId && m.rights.includes(right) && membershipRunsOn(m, context.date))
    .map((m) => context.resolve(m.territories));
  return sets.length === 0 ? undefined : sets.reduce(unionTerritories);
}
