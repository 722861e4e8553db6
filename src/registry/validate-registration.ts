import { type CodeTable, countriesOf, createTerritoryResolver, describeTerritories, type TerritoryResolver, type TerritoryTable, unknownTerritories, worldSet } from '../lookups/index.js';
import { registrationCollection, type CollectionCut, type RegistrationCollection } from './chain-of-title.js';
import { isFullyAiGenerated } from './is-fully-ai-generated.js';
import { partitionTerritories } from './partition-territories.js';
import type { RegistryFinding } from './registry-finding.js';
import type { Registration, RegistrationParty } from './registration.js';
import { defaultRegistryPolicy, type RegistryPolicy } from './registry-policy.js';
import { rights, type Right } from './right.js';
import { formatShare, fullShare, shareTolerance, type BasisPoints } from './share.js';
import type { Work } from './work.js';

/** The lookup tables the share rules need. */
export interface RegistrationTables {
  readonly territories: TerritoryTable;
  readonly writerDesignations: CodeTable;
  readonly publisherTypes: CodeTable;
}

/** The most publishers may own of the performing right: 50.00 %, no tolerance. */
export const publisherPerformingLimit: BasisPoints = 5000;

/**
 * Checks one registration of a work against the share rules and the lookups, and returns every problem found:
 * per right, writers' and publishers' ownership totals 100 % (±0.06 %) or 0 %; publishers own at most 50 % of PR;
 * collection per right and territory, by the chain of title, at most 100 % (+0.06 %), and a collection share the chain
 * of title lowers reported as a replaced field (FR); known roles and territories; a writer unless the work
 * is fully AI-generated (then a `CLEF_REGISTRY_AI_GENERATED_WORK` warning flags it). Each finding names the work,
 * the registration, the parties, the right and the numbers.
 */
export function validateRegistration(
  work: Work,
  registration: Registration,
  tables: RegistrationTables,
  resolve: TerritoryResolver = createTerritoryResolver(tables.territories),
  policy: RegistryPolicy = defaultRegistryPolicy,
): RegistryFinding[] {
  const findings: RegistryFinding[] = [];
  const where = `work ${work.id} "${work.title}", registration ${registration.id}`;
  const add = (finding: Omit<RegistryFinding, 'workId' | 'registrationId' | 'severity'> & { severity?: RegistryFinding['severity'] }): void => {
    findings.push({ severity: 'error', workId: work.id, registrationId: registration.id, ...finding, message: `${where}: ${finding.message}` });
  };
  const { parties } = registration;
  const known = new Set(parties.map((p) => p.partyId));

  for (const party of parties) {
    const table = party.kind === 'writer' ? tables.writerDesignations : tables.publisherTypes;
    if (!table.has(party.role)) {
      add({
        code: 'CLEF_REGISTRY_ROLE_UNKNOWN',
        message: `party ${party.partyId} has ${party.kind} role "${party.role}", which is not a CWR ${party.kind === 'writer' ? 'writer designation' : 'publisher type'}`,
        location: { recordType: recordTypeOf(party), field: party.kind === 'writer' ? 'Writer Designation Code' : 'Publisher Type', value: party.role },
        partyIds: [party.partyId],
        numbers: {},
      });
    }
    for (const claim of party.collection) {
      for (const tis of unknownTerritories(tables.territories, claim.territories)) {
        add({
          code: 'CLEF_REGISTRY_TERRITORY_UNKNOWN',
          message: `party ${party.partyId} claims collection in TIS territory ${tis}, which is not in the territory table`,
          location: { recordType: party.kind === 'writer' ? 'SWT' : 'SPT', field: 'TIS Numeric Code', value: String(tis) },
          partyIds: [party.partyId],
          numbers: {},
        });
      }
    }
    for (const [what, shares] of [['Ownership', party.ownership], ...party.collection.map((c) => ['Collection', c.shares] as const)] as const) {
      for (const right of rights) {
        const share = shares[right];
        if (Number.isInteger(share) && share >= 0 && share <= fullShare) continue;
        add({
          code: 'CLEF_REGISTRY_SHARES_INVALID',
          message: `party ${party.partyId} has ${right} ${what.toLowerCase()} share ${share}, outside 0–10000 basis points`,
          location: { recordType: recordTypeOf(party), field: `${right} ${what} Share`, value: String(share) },
          partyIds: [party.partyId],
          right,
          numbers: { share },
        });
      }
    }
  }

  for (const link of registration.publisherLinks) {
    const missing = [link.writerPartyId, link.publisherPartyId].filter((id) => !known.has(id));
    if (missing.length === 0) continue;
    add({
      code: 'CLEF_REGISTRY_PARTY_UNKNOWN',
      message: `the link of writer ${link.writerPartyId} to publisher ${link.publisherPartyId} names ${missing.join(' and ')}, not a party of this registration`,
      location: { recordType: 'PWR', field: 'Publisher IP #', value: link.publisherPartyId },
      partyIds: missing,
      numbers: {},
    });
  }

  const writers = parties.filter((p) => p.kind === 'writer');
  const publishers = parties.filter((p) => p.kind === 'publisher');
  const aiGenerated = isFullyAiGenerated(work);
  if (aiGenerated) {
    add({
      severity: 'warning',
      code: 'CLEF_REGISTRY_AI_GENERATED_WORK',
      message: `the work is fully AI-generated${writers.length === 0 ? `, registered without a human author, claimed by ${publishers.map((p) => p.partyId).join(', ') || 'no party'}` : ''}`,
      location: {},
      partyIds: publishers.map((p) => p.partyId),
      numbers: {},
    });
  } else if (writers.length === 0) {
    add({
      code: 'CLEF_REGISTRY_AUTHOR_MISSING',
      message: 'the registration names no writer, and the work is not declared fully AI-generated',
      location: { recordType: 'SWR' },
      partyIds: [],
      numbers: {},
    });
  }

  const collection = parties.some((p) => p.collection.some((c) => unknownTerritories(tables.territories, c.territories).length > 0))
    ? { entries: [], cuts: [] }
    : registrationCollection(registration, resolve, policy);
  for (const right of rights) {
    const writerTotal = sum(writers, (p) => p.ownership[right]);
    const publisherTotal = sum(publishers, (p) => p.ownership[right]);
    const total = writerTotal + publisherTotal;
    if (total !== 0 && Math.abs(total - fullShare) > shareTolerance) {
      add({
        code: 'CLEF_REGISTRY_SHARES_INVALID',
        message: `${right} ownership totals ${formatShare(total)} (writers ${formatShare(writerTotal)}, publishers ${formatShare(publisherTotal)}: ${listShares(parties, (p) => p.ownership[right])}); it must be 100.00 % (±0.06 %) or 0 %`,
        location: { field: `${right} Ownership Share`, value: String(total) },
        partyIds: parties.filter((p) => p.ownership[right] > 0).map((p) => p.partyId),
        right,
        numbers: { total, writers: writerTotal, publishers: publisherTotal, expected: fullShare, tolerance: shareTolerance },
      });
    }
    if (right === 'PR' && publisherTotal > publisherPerformingLimit && !(aiGenerated && writers.length === 0)) {
      add({
        code: 'CLEF_REGISTRY_SHARES_INVALID',
        message: `publishers own ${formatShare(publisherTotal)} of PR (${listShares(publishers, (p) => p.ownership.PR)}); at most 50.00 %`,
        location: { recordType: 'SPU', field: 'PR Ownership Share', value: String(publisherTotal) },
        partyIds: publishers.filter((p) => p.ownership.PR > 0).map((p) => p.partyId),
        right,
        numbers: { publishers: publisherTotal, limit: publisherPerformingLimit },
      });
    }
    checkCollection(collection, right, tables.territories, add);
  }
  for (const cut of collection.cuts) reportCut(parties.find((p) => p.partyId === cut.partyId)!, cut, add);
  return findings;
}

type Add = (finding: Omit<RegistryFinding, 'workId' | 'registrationId' | 'severity'> & { severity?: RegistryFinding['severity'] }) => void;

function checkCollection(collection: RegistrationCollection, right: Right, table: TerritoryTable, add: Add): void {
  const entries = collection.entries.filter((e) => e.right === right && e.party.collection.every((c) => unknownTerritories(table, c.territories).length === 0));
  if (entries.length === 0) return;
  for (const cell of partitionTerritories(worldSet(table), entries, (e) => e.territories)) {
    const total = sum(cell.entries, (e) => e.share);
    // Claims all taken from ownership are already judged by the ownership total.
    if (total <= fullShare + shareTolerance || cell.entries.every((e) => e.party.collection.length === 0)) continue;
    add({
      code: 'CLEF_REGISTRY_SHARES_INVALID',
      message: `${right} collection totals ${formatShare(total)} in ${describeTerritories(cell.territories)} (${cell.entries.map((e) => `${e.party.partyId} ${formatShare(e.share)}`).join(', ')}); at most 100.00 % (+0.06 %)`,
      location: { recordType: 'SPT', field: `${right} Collection Share`, value: String(total) },
      partyIds: [...new Set(cell.entries.map((e) => e.party.partyId))],
      right,
      numbers: { total, limit: fullShare + shareTolerance },
      territories: countriesOf(cell.territories),
    });
  }
}

/** A collection share the chain of title lowered: the field is replaced (CWR FR), the registration goes on. */
function reportCut(party: RegistrationParty, cut: CollectionCut, add: Add): void {
  const why = cut.reason === 'writers-performing-share'
    ? "publishers may not collect the writers' share of PR"
    : "a chain of title collects at most its ownership and its writers' shares";
  add({
    severity: 'FR',
    code: 'CLEF_REGISTRY_COLLECTION_CAPPED',
    message: `party ${party.partyId} claims ${cut.right} collection ${formatShare(cut.claimed)} in ${describeTerritories(cut.territories)}; ${why}, so ${formatShare(cut.kept)} is kept`,
    location: { recordType: party.kind === 'writer' ? (party.controlled ? 'SWT' : 'OWT') : party.controlled ? 'SPT' : 'OPT', field: `${cut.right} Collection Share`, value: String(cut.claimed) },
    partyIds: [party.partyId],
    right: cut.right,
    numbers: { claimed: cut.claimed, kept: cut.kept },
    territories: countriesOf(cut.territories),
  });
}

function recordTypeOf(party: RegistrationParty): string {
  if (party.kind === 'writer') return party.controlled ? 'SWR' : 'OWR';
  return party.controlled ? 'SPU' : 'OPU';
}

function sum<T>(items: readonly T[], share: (item: T) => BasisPoints): BasisPoints {
  let total = 0;
  for (const item of items) total += share(item);
  return total;
}

function listShares(parties: readonly RegistrationParty[], share: (p: RegistrationParty) => BasisPoints): string {
  return parties.map((p) => `${p.partyId} ${formatShare(share(p))}`).join(', ');
}
