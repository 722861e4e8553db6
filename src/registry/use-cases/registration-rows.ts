import type { Kysely } from 'kysely';
import type { ClefDatabase, Engine } from '../../store/index.js';
import { isFullyAiGenerated } from '../is-fully-ai-generated.js';
import { nameKey, titleKey } from '../match-key.js';
import type { Registration } from '../registration.js';
import { termVariants, workSearchKeys } from '../search-keys.js';
import { addWorkSearchKeys, type KnownTerms } from '../../store/registry/search-index-queries.js';
import { formatTerritoryChain } from './territory-chain-text.js';
import { submitterId, type WorkSubmission } from './work-submission.js';

type Rows<T extends keyof ClefDatabase> = ClefDatabase[T][];

/** The work columns that hold a submission's AI declaration. */
export function aiProvenanceColumns(provenance: WorkSubmission['work']['aiProvenance']) {
  return {
    ai_composition: provenance?.facets.composition ?? 'human',
    ai_lyrics: provenance?.facets.lyrics ?? 'human',
    ai_arrangement: provenance?.facets.arrangement ?? 'human',
    ai_tools: JSON.stringify(provenance?.tools ?? []),
    human_contribution: provenance?.humanContribution?.statement ?? null,
    ai_evidence: JSON.stringify(provenance?.humanContribution?.evidence ?? []),
    fully_ai_generated: isFullyAiGenerated({ aiProvenance: provenance }),
  };
}

/** Collects the rows a batch of registrations writes, then writes them with the engine's bulk path. */
export function registrationRows() {
  const tables = {
    works: [] as Rows<'works'>,
    work_iswcs: [] as Rows<'work_iswcs'>,
    work_titles: [] as Rows<'work_titles'>,
    registrations: [] as Rows<'registrations'>,
    registration_parties: [] as Rows<'registration_parties'>,
    registration_collections: [] as Rows<'registration_collections'>,
    registration_links: [] as Rows<'registration_links'>,
    party_affiliations: [] as Rows<'party_affiliations'>,
  };

  // Search keys per work: a new work's titles and creators, and the title and creators every later registration names.
  const searchKeysOf = new Map<string, Set<string>>();
  const freshWorks = new Set<string>();
  const addSearchKeys = (workId: string, titleKeys: readonly string[], submission: WorkSubmission) => {
    const creatorKeys = submission.parties.filter((party) => party.partyKind === 'writer').map((party) => nameKey(party.firstName ? `${party.firstName} ${party.name}` : party.name));
    const keys = searchKeysOf.get(workId) ?? new Set<string>();
    for (const key of workSearchKeys(titleKeys, creatorKeys)) keys.add(key);
    searchKeysOf.set(workId, keys);
  };

  return {
    /** Adds a new work with its ISWC, titles and search keys. */
    addWork(workId: string, submission: WorkSubmission, identityKey: string, now: string) {
      const { work } = submission;
      const key = titleKey(work.title);
      const provenance = work.aiProvenance;
      tables.works.push({
        work_id: workId,
        iswc: work.iswc ?? null,
        title: work.title,
        title_key: key,
        creator_key: identityKey.slice(identityKey.indexOf('|') + 1),
        language: work.language ?? null,
        duration_s: work.durationSeconds ?? null,
        version_type: work.versionType,
        original_work_id: null,
        original_title: work.originalTitle ?? null,
        ...aiProvenanceColumns(provenance),
        in_dispute: false,
        extra: JSON.stringify(work.extra ?? {}),
        created_at: now,
        updated_at: now,
      });
      if (work.iswc) tables.work_iswcs.push({ iswc: work.iswc, work_id: workId, preferred: true });
      const keys = new Set([key]);
      for (const alternate of work.alternateTitles) {
        const alternateKey = titleKey(alternate.title);
        keys.add(alternateKey);
        tables.work_titles.push({ work_id: workId, title: alternate.title, title_type: alternate.type, title_key: alternateKey, language: alternate.language ?? null });
      }
      freshWorks.add(workId);
      addSearchKeys(workId, [...keys], submission);
    },

    /** Adds a registration with its parties, collection claims, links and declared affiliations. */
    addRegistration(submission: WorkSubmission, registration: Registration, meta: { actor: string; createdAt: string; status?: 'current' | 'held' }) {
      addSearchKeys(registration.workId, [titleKey(submission.work.title)], submission);
      const submitterPartyId = registration.submitter.kind === 'member' ? registration.submitter.partyId : undefined;
      tables.registrations.push({
        registration_id: registration.id,
        work_id: registration.workId,
        submitter_kind: submission.submitter.kind,
        submitter_id: submitterId(submission.submitter),
        submitter_work_number: submission.submitterWorkNumber,
        source: submission.source,
        source_ref: submission.sourceRef ?? null,
        status: meta.status ?? 'current',
        revised_by: null,
        extra: JSON.stringify({ submitter_party_id: submitterPartyId, line: submission.origin.line }),
        created_at: meta.createdAt,
        actor: meta.actor,
      });
      const seqOf = new Map<string, number>();
      registration.parties.forEach((party, i) => {
        const submitted = submission.parties[i];
        const seq = i + 1;
        seqOf.set(party.partyId, seq);
        const society = (right: string) => party.affiliations.find((a) => a.right === right)?.societyCode ?? null;
        tables.registration_parties.push({
          registration_id: registration.id,
          party_seq: seq,
          party_id: party.partyId,
          party_kind: party.kind,
          role: party.role,
          controlled: party.controlled,
          ipi_name_number: submitted.ipiNameNumber ?? null,
          name: submitted.firstName ? `${submitted.name}, ${submitted.firstName}` : submitted.name,
          pr_society: society('PR'),
          mr_society: society('MR'),
          sr_society: society('SR'),
          pr_ownership_bp: party.ownership.PR,
          mr_ownership_bp: party.ownership.MR,
          sr_ownership_bp: party.ownership.SR,
          extra: party.chain === undefined ? '{}' : JSON.stringify({ chain: party.chain }),
        });
        party.collection.forEach((claim, c) =>
          tables.registration_collections.push({
            registration_id: registration.id,
            party_seq: seq,
            claim_seq: c + 1,
            territories: formatTerritoryChain(claim.territories),
            pr_collection_bp: claim.shares.PR,
            mr_collection_bp: claim.shares.MR,
            sr_collection_bp: claim.shares.SR,
          }),
        );
        for (const affiliation of party.affiliations) {
          tables.party_affiliations.push({ party_id: party.partyId, right_code: affiliation.right, society_code: affiliation.societyCode, registration_id: registration.id });
        }
      });
      for (const link of registration.publisherLinks) {
        tables.registration_links.push({
          registration_id: registration.id,
          writer_seq: seqOf.get(link.writerPartyId) ?? 0,
          publisher_seq: seqOf.get(link.publisherPartyId) ?? 0,
          society_agreement_number: link.societyAgreementNumber ?? null,
          submitter_agreement_number: link.agreementNumber ?? null,
        });
      }
    },

    /** Writes every collected row in the caller's transaction. */
    async write(db: Kysely<ClefDatabase>, engine: Engine, knownTerms?: KnownTerms) {
      for (const [table, rows] of Object.entries(tables)) await engine.bulkInsert(db, table as keyof typeof tables, rows as never);
      await addWorkSearchKeys(
        db,
        (table, rows) => engine.bulkInsert(db, table, rows),
        [...searchKeysOf].map(([workId, keys]) => ({ workId, keys: [...keys], fresh: freshWorks.has(workId) })),
        termVariants,
        knownTerms,
      );
    },
  };
}
