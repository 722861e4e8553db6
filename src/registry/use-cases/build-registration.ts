import type { Registration, Submitter } from '../registration.js';
import type { Work } from '../work.js';
import { partyReferenceKey } from './resolve-parties.js';
import type { WorkSubmission } from './work-submission.js';

/**
 * The domain work and registration a submission stands for, with the ids given: before parties are resolved the
 * party ids are their reference keys, so the rules can run before anything is written.
 */
export function buildRegistration(
  submission: WorkSubmission,
  ids: { workId: string; registrationId: string; receivedAt: string; submitter: Submitter; partyIdOf?: (key: string) => string },
): { work: Work; registration: Registration } {
  const partyId = (key: string) => (ids.partyIdOf ? ids.partyIdOf(key) : key);
  const byNumber = new Map(submission.parties.map((party) => [party.number, partyId(partyReferenceKey(party))]));
  const work: Work = {
    id: ids.workId,
    iswc: submission.work.iswc,
    archivedIswcs: [],
    title: submission.work.title,
    alternateTitles: submission.work.alternateTitles,
    language: submission.work.language,
    durationSeconds: submission.work.durationSeconds,
    versionType: submission.work.versionType,
    originalWork: submission.work.originalTitle ? { title: submission.work.originalTitle } : undefined,
    aiProvenance: submission.work.aiProvenance,
  };
  const registration: Registration = {
    id: ids.registrationId,
    workId: ids.workId,
    submitter: ids.submitter,
    submitterWorkNumber: submission.submitterWorkNumber,
    source: submission.source,
    receivedAt: ids.receivedAt,
    parties: submission.parties.map((party) => ({
      partyId: byNumber.get(party.number)!,
      kind: party.partyKind,
      role: party.role,
      controlled: party.controlled,
      chain: party.chain,
      ownership: party.ownership,
      collection: party.collection,
      affiliations: party.affiliations,
    })),
    publisherLinks: submission.parties.flatMap((party) =>
      party.partyKind === 'writer' && party.publisherNumber !== undefined
        ? [{ writerPartyId: byNumber.get(party.number)!, publisherPartyId: byNumber.get(party.publisherNumber) ?? `party ${party.publisherNumber}`, agreementNumber: party.agreementNumber }]
        : [],
    ),
  };
  return { work, registration };
}
