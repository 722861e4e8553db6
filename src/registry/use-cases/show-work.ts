import { ClefError } from '../../errors/index.js';
import { readHistory } from '../../store/index.js';
import { findWorkIdsByIdentifier } from '../../store/registry/search-queries.js';
import { readReleasesOfRecordings } from '../../store/registry/release-queries.js';
import { readHeldRegistrations } from '../../store/registry/registration-queries.js';
import { readDisputes, readWorkDetail } from '../../store/registry/work-detail-queries.js';
import { parseIswc } from '../../identifiers/index.js';
import type { AiOrigin } from '../ai-provenance.js';
import { deriveAiContentTypes } from '../derive-ai-content-types.js';
import type { RegistryContext } from './registry-context.js';

/** Finds one work by its id, an ISWC or a society work number; an identifier naming several works is refused with the candidates. */
export async function resolveWorkId(context: Pick<RegistryContext, 'store'>, reference: string): Promise<string> {
  const iswc = parseIswc(reference);
  const ids = iswc.ok
    ? await findWorkIdsByIdentifier(context.store.db, 'iswc', iswc.value)
    : await findWorkIdsByIdentifier(context.store.db, 'work_number', reference.trim().toUpperCase());
  const unique = [...new Set(ids)];
  if (unique.length === 0) throw new ClefError('CLEF_NOT_FOUND', `no work ${reference}`);
  if (unique.length > 1) throw new ClefError('CLEF_AMBIGUOUS', `${reference} names several works: ${unique.join(', ')}`);
  return unique[0];
}

const parseJson = (text: string) => JSON.parse(text) as unknown;

/** A work whole: registrations, consolidated shares, recordings, AI provenance and derived types, disputes, history. */
export async function showWork(context: Pick<RegistryContext, 'store'>, reference: string) {
  const workId = await resolveWorkId(context, reference);
  const detail = await readWorkDetail(context.store.db, workId);
  if (!detail) throw new ClefError('CLEF_NOT_FOUND', `no work ${reference}`);
  const { work } = detail;
  const workFacets = { composition: work.ai_composition as AiOrigin, lyrics: work.ai_lyrics as AiOrigin, arrangement: work.ai_arrangement as AiOrigin };
  const history = await readHistory(context.store.db, workId);
  const releases = await readReleasesOfRecordings(context.store.db, detail.recordings.map((r) => r.recording_id));
  return {
    work_id: work.work_id,
    iswc: work.iswc,
    archived_iswcs: detail.iswcs.filter((i) => !i.preferred).map((i) => i.iswc),
    title: work.title,
    alternate_titles: detail.titles.map((t) => ({ title: t.title, type: t.title_type })),
    language: work.language,
    duration_s: work.duration_s,
    version_type: work.version_type,
    original_title: work.original_title,
    in_dispute: work.in_dispute,
    ai_provenance: {
      facets: workFacets,
      tools: parseJson(work.ai_tools),
      human_contribution: work.human_contribution,
      evidence: parseJson(work.ai_evidence),
      fully_ai_generated: work.fully_ai_generated,
      derived: deriveAiContentTypes(workFacets),
    },
    registrations: detail.registrations.map((registration) => ({
      registration_id: registration.registration_id,
      status: registration.status,
      revised_by: registration.revised_by,
      submitter: { kind: registration.submitter_kind, id: registration.submitter_id },
      submitter_work_number: registration.submitter_work_number,
      source: registration.source,
      source_ref: registration.source_ref,
      received_at: registration.created_at,
      parties: detail.parties
        .filter((party) => party.registration_id === registration.registration_id)
        .map((party) => ({
          party_id: party.party_id,
          name: party.name,
          ipi_name_number: party.ipi_name_number,
          kind: party.party_kind,
          role: party.role,
          controlled: party.controlled,
          societies: { PR: party.pr_society, MR: party.mr_society, SR: party.sr_society },
          ownership_bp: { PR: party.pr_ownership_bp, MR: party.mr_ownership_bp, SR: party.sr_ownership_bp },
          collection: detail.collections
            .filter((c) => c.registration_id === registration.registration_id && c.party_seq === party.party_seq)
            .map((c) => ({ territories: c.territories, collection_bp: { PR: c.pr_collection_bp, MR: c.mr_collection_bp, SR: c.sr_collection_bp } })),
        })),
      links: detail.links
        .filter((link) => link.registration_id === registration.registration_id)
        .map((link) => ({ writer_seq: link.writer_seq, publisher_seq: link.publisher_seq, agreement: link.submitter_agreement_number })),
    })),
    shares: detail.shares.map((share) => ({
      right: share.right_code,
      territory: share.territory,
      party_id: share.party_id,
      // The held row of a counterclaim has no party: it is named for what it is.
      name: share.name === null ? 'HELD IN DISPUTE' : share.first_name ? `${share.name}, ${share.first_name}` : share.name,
      registration_id: share.registration_id,
      collection_bp: share.collection_bp,
    })),
    disputes: detail.disputes.map((d) => ({ right: d.right_code, territory: d.territory, claimed_bp: d.claimed_bp })),
    recordings: detail.recordings.map((recording) => {
      const facets = { vocals: recording.ai_vocals as AiOrigin, instrumentation: recording.ai_instrumentation as AiOrigin, production: recording.ai_production as AiOrigin };
      return {
        recording_id: recording.recording_id,
        isrc: recording.isrc,
        title: recording.title,
        display_artist: recording.display_artist,
        duration_s: recording.duration_s,
        ai_provenance: { facets, tools: parseJson(recording.ai_tools), derived: deriveAiContentTypes(facets) },
        releases: releases
          .filter((release) => release.recording_id === recording.recording_id)
          .map((release) => ({ release_id: release.release_id, icpn: release.icpn, title: release.title, label: release.label, track_number: release.track_number })),
      };
    }),
    society_numbers: detail.societyNumbers.map((s) => ({ society: s.society_code, work_number: s.work_number, status: s.status, date: s.status_date })),
    history: history.map((entry) => ({ at: entry.at, actor: entry.actor, action: entry.action, detail: parseJson(entry.detail) })),
  };
}

/** The type of a shown work. */
export type WorkView = Awaited<ReturnType<typeof showWork>>;

/** Works whose registrations together claim more than 100 % of a right in a territory. */
export async function listDisputes(context: Pick<RegistryContext, 'store'>) {
  return readDisputes(context.store.db);
}

/** The review worklist: revisions held because they change a work's writers or their shares. */
export async function listHeldRegistrations(context: Pick<RegistryContext, 'store'>) {
  return readHeldRegistrations(context.store.db);
}
