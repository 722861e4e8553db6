import type { RegistrationRows } from '../../store/registry/registration-queries.js';
import type { Registration, RegistrationSource, Submitter } from '../registration.js';
import type { Right } from '../right.js';
import { parseTerritoryChain } from './territory-chain-text.js';

/** The domain registration its stored rows stand for. */
export function registrationFromRows(rows: RegistrationRows): Registration {
  const { registration } = rows;
  const submitter: Submitter =
    registration.submitter_kind === 'cmo'
      ? { kind: 'cmo' }
      : registration.submitter_kind === 'society'
        ? { kind: 'sister', societyCode: registration.submitter_id }
        : { kind: 'member', partyId: (JSON.parse(registration.extra) as { submitter_party_id?: string }).submitter_party_id ?? registration.submitter_id };
  const partyIdOfSeq = new Map(rows.parties.map((party) => [party.party_seq, party.party_id]));
  return {
    id: registration.registration_id,
    workId: registration.work_id,
    submitter,
    submitterWorkNumber: registration.submitter_work_number,
    source: registration.source as RegistrationSource,
    receivedAt: registration.created_at,
    parties: rows.parties.map((party) => ({
      partyId: party.party_id,
      kind: party.party_kind as 'writer' | 'publisher',
      role: party.role,
      controlled: party.controlled,
      chain: (JSON.parse(party.extra || '{}') as { chain?: number }).chain,
      ownership: { PR: party.pr_ownership_bp, MR: party.mr_ownership_bp, SR: party.sr_ownership_bp },
      collection: rows.collections
        .filter((claim) => claim.party_seq === party.party_seq)
        .map((claim) => ({
          territories: parseTerritoryChain(claim.territories),
          shares: { PR: claim.pr_collection_bp, MR: claim.mr_collection_bp, SR: claim.sr_collection_bp },
        })),
      affiliations: (['PR', 'MR', 'SR'] as Right[]).flatMap((right) => {
        const society = party[`${right.toLowerCase() as 'pr' | 'mr' | 'sr'}_society`];
        return society ? [{ right, societyCode: society }] : [];
      }),
    })),
    publisherLinks: rows.links.map((link) => ({
      writerPartyId: partyIdOfSeq.get(link.writer_seq) ?? '',
      publisherPartyId: partyIdOfSeq.get(link.publisher_seq) ?? '',
      agreementNumber: link.submitter_agreement_number ?? undefined,
      societyAgreementNumber: link.society_agreement_number ?? undefined,
    })),
  };
}
