import type { CwrPublisher, CwrTerritoryShare, CwrWork, CwrWriter } from '../../formats/cwr/index.js';
import { parseIpiNameNumber, parseIsrc, parseIswc } from '../../identifiers/index.js';
import type { DeclaredAffiliation } from '../party.js';
import { recordingFromRec } from '../recording-from-rec.js';
import type { CollectionClaim } from '../registration.js';
import type { Right } from '../right.js';
import type { RightShares } from '../share.js';
import type { TerritoryStep } from '../../lookups/index.js';
import type { SubmittedParty, SubmittedRecording, SubmitterReference, WorkSubmission } from './work-submission.js';

/** The name a party gets when CWR marks it unknown (Publisher/Writer Unknown Indicator `Y`) and gives no name. */
export const unknownPartyName = { publisher: 'UNKNOWN PUBLISHER', writer: 'UNKNOWN WRITER' } as const;

const rights: readonly Right[] = ['PR', 'MR', 'SR'];

function rightShares(shares: CwrWork['publishers'][number]['ownership']): RightShares {
  return { PR: shares.PR ?? 0, MR: shares.MR ?? 0, SR: shares.SR ?? 0 };
}

/** SPT/SWT records read in order: an include opens a claim with its collection shares, the excludes after it narrow it. */
function collectionClaims(territories: readonly CwrTerritoryShare[]): CollectionClaim[] {
  const claims: { territories: TerritoryStep[]; shares: RightShares }[] = [];
  for (const territory of territories) {
    const step: TerritoryStep = { inclusion: territory.include ? 'I' : 'E', tis: territory.tis };
    if (territory.include || claims.length === 0) claims.push({ territories: [step], shares: rightShares(territory.collection) });
    else claims[claims.length - 1].territories.push(step);
  }
  return claims;
}

function affiliations(societies: CwrPublisher['societies']): DeclaredAffiliation[] {
  return rights.flatMap((right) => {
    const code = societies[right];
    return code && /^\d+$/.test(code) && Number(code) > 0 ? [{ right, societyCode: code.padStart(3, '0') }] : [];
  });
}

function ipiOf(text: string | undefined): string | undefined {
  if (!text || /^0+$/.test(text)) return undefined;
  const parsed = parseIpiNameNumber(text);
  return parsed.ok ? parsed.value : undefined;
}

function publisherParty(publisher: CwrPublisher, number: number): SubmittedParty {
  return {
    number,
    name: publisher.name ?? unknownPartyName.publisher,
    kind: 'company',
    ipiNameNumber: ipiOf(publisher.ipiNameNumber),
    partyKind: 'publisher',
    role: publisher.publisherType ?? 'E',
    controlled: publisher.controlled,
    chain: publisher.sequence,
    ownership: rightShares(publisher.ownership),
    collection: collectionClaims(publisher.territories),
    affiliations: affiliations(publisher.societies),
  };
}

function writerParty(writer: CwrWriter, number: number, publisherNumbers: ReadonlyMap<string, number>): SubmittedParty {
  const link = writer.publishers[0];
  return {
    number,
    name: writer.lastName ?? unknownPartyName.writer,
    firstName: writer.firstName,
    kind: 'person',
    ipiNameNumber: ipiOf(writer.ipiNameNumber),
    partyKind: 'writer',
    role: writer.designation ?? 'CA',
    controlled: writer.controlled,
    ownership: rightShares(writer.ownership),
    collection: collectionClaims(writer.territories),
    affiliations: affiliations(writer.societies),
    publisherNumber: link?.publisherIpNumber ? publisherNumbers.get(link.publisherIpNumber) : undefined,
    agreementNumber: link?.submitterAgreementNumber,
  };
}

/** `HHMMSS` to seconds; undefined when blank, zero or not a duration. */
function durationSeconds(hhmmss: string | undefined): number | undefined {
  if (!hhmmss || !/^\d{6}$/.test(hhmmss)) return undefined;
  const seconds = Number(hhmmss.slice(0, 2)) * 3600 + Number(hhmmss.slice(2, 4)) * 60 + Number(hhmmss.slice(4, 6));
  return seconds > 0 ? seconds : undefined;
}

function recordings(work: CwrWork, workTitle: string): SubmittedRecording[] {
  const performers = work.performers.filter((p) => p.lastName).map((p) => ({ performingArtistLastName: p.lastName!, performingArtistFirstName: p.firstName }));
  return work.recordings.map((rec) => {
    const recording = recordingFromRec(
      {
        isrc: rec['ISRC'],
        releaseDuration: rec['First Release Duration'] ?? rec['Release Duration'],
        albumLabel: rec['First Album Label'] ?? rec['Album Label'],
        recordingTitle: rec['Recording Title'],
        versionTitle: rec['Version Title'],
        displayArtist: rec['Display Artist'],
        recordLabel: rec['Record Label'],
      },
      { recordingId: '', workId: '', workTitle, performers },
    );
    const isrc = recording.isrc ? parseIsrc(recording.isrc) : undefined;
    return {
      isrc: isrc?.ok ? isrc.value : undefined,
      title: recording.title,
      versionTitle: recording.versionTitle,
      displayArtist: recording.displayArtist,
      durationSeconds: recording.durationSeconds,
      label: recording.label,
    };
  });
}

/**
 * The registration a CWR work transaction (NWR, REV, 3.x WRK) stands for: publishers (SPU/OPU) then writers
 * (SWR/OWR) numbered in file order with their SPT/SWT collection claims, PWR links, ALT titles and REC recordings.
 * Identifiers the validator already reported as invalid are left out rather than registered.
 */
export function cwrWorkSubmission(work: CwrWork, submitter: SubmitterReference, origin: { file?: string; line?: number }): WorkSubmission {
  const title = work.title ?? '';
  const publisherNumbers = new Map<string, number>();
  const parties: SubmittedParty[] = work.publishers.map((publisher, i) => {
    if (publisher.interestedPartyNumber && !publisherNumbers.has(publisher.interestedPartyNumber)) publisherNumbers.set(publisher.interestedPartyNumber, i + 1);
    return publisherParty(publisher, i + 1);
  });
  work.writers.forEach((writer, i) => parties.push(writerParty(writer, work.publishers.length + i + 1, publisherNumbers)));
  const iswc = work.iswc ? parseIswc(work.iswc) : undefined;
  return {
    origin,
    submitter,
    submitterWorkNumber: work.submitterWorkNumber ?? '',
    revision: work.transactionType === 'REV',
    source: 'CWR',
    sourceRef: origin.file,
    work: {
      title,
      iswc: iswc?.ok ? iswc.value : undefined,
      alternateTitles: work.alternateTitles.map((alternate) => ({ title: alternate.title, type: alternate.titleType ?? 'AT', language: alternate.languageCode })),
      language: work.languageCode,
      durationSeconds: durationSeconds(work.duration),
      versionType: work.versionType === 'MOD' ? 'MOD' : 'ORI',
      originalTitle: work.originalWork?.title,
      extra: {
        cwr: {
          distributionCategory: work.distributionCategory,
          recordedIndicator: work.recordedIndicator,
          textMusicRelationship: work.textMusicRelationship,
          compositeType: work.compositeType,
          excerptType: work.excerptType,
          musicArrangement: work.musicArrangement,
          lyricAdaptation: work.lyricAdaptation,
          cwrWorkType: work.cwrWorkType,
          copyrightDate: work.copyrightDate,
          copyrightNumber: work.copyrightNumber,
          grandRights: work.grandRights,
          opusNumber: work.opusNumber,
          catalogueNumber: work.catalogueNumber,
          priority: work.priority,
        },
      },
    },
    parties,
    recordings: recordings(work, title),
  };
}
