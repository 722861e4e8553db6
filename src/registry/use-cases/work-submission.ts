import type { AiProvenance, RecordingAiFacets, WorkAiFacets } from '../ai-provenance.js';
import type { DeclaredAffiliation } from '../party.js';
import type { CollectionClaim, RegistrationSource } from '../registration.js';
import type { RightShares } from '../share.js';
import type { AlternateTitle } from '../work.js';
import type { PartyReference } from './resolve-parties.js';

/** Who submits: a member publisher or writer (by IPI name number), the CMO itself, or a sister society. */
export type SubmitterReference =
  | { readonly kind: 'publisher' | 'writer'; readonly ipiNameNumber: string }
  | { readonly kind: 'cmo'; readonly societyCode: string }
  | { readonly kind: 'society'; readonly societyCode: string };

/** A party as a submission names it, with its role and shares. */
export interface SubmittedParty extends PartyReference {
  /** Its place in the submission (1-based), for links and messages. */
  readonly number: number;
  readonly partyKind: 'writer' | 'publisher';
  readonly role: string;
  readonly controlled: boolean;
  /** A publisher's chain of title (CWR Publisher Sequence #). */
  readonly chain?: number;
  readonly ownership: RightShares;
  /** Empty: collects by the chain of title. */
  readonly collection: readonly CollectionClaim[];
  readonly affiliations: readonly DeclaredAffiliation[];
  /** For a writer: the number of the publisher that represents it (PWR). */
  readonly publisherNumber?: number;
  readonly agreementNumber?: string;
}

/** A recording a submission brings along. */
export interface SubmittedRecording {
  readonly isrc?: string;
  readonly title: string;
  readonly versionTitle?: string;
  readonly displayArtist?: string;
  readonly durationSeconds?: number;
  readonly label?: string;
  readonly aiProvenance?: AiProvenance<RecordingAiFacets>;
  /** The release the recording appears on, with its track number. */
  readonly release?: { readonly icpn?: string; readonly title: string; readonly label?: string; readonly trackNumber?: number };
}

/** One work registration as it arrives from a CSV row, a CWR transaction or the API, before it has ids. */
export interface WorkSubmission {
  /** Where it came from, for messages: the file and line. */
  readonly origin: { readonly file?: string; readonly line?: number };
  readonly submitter: SubmitterReference;
  readonly submitterWorkNumber: string;
  /** True when the submitter says it revises a registration it sent before (CWR REV). */
  readonly revision?: boolean;
  readonly source: RegistrationSource;
  readonly sourceRef?: string;
  readonly work: {
    readonly title: string;
    readonly iswc?: string;
    readonly alternateTitles: readonly AlternateTitle[];
    readonly language?: string;
    readonly durationSeconds?: number;
    readonly versionType: 'ORI' | 'MOD';
    readonly originalTitle?: string;
    readonly aiProvenance?: AiProvenance<WorkAiFacets>;
    /** Fields a format carries that the registry keeps to write back what it read (CWR round trip). */
    readonly extra?: Readonly<Record<string, unknown>>;
  };
  readonly parties: readonly SubmittedParty[];
  readonly recordings: readonly SubmittedRecording[];
}

/** The id a submitter is stored under: its IPI name number or society code. */
export function submitterId(submitter: SubmitterReference): string {
  return 'ipiNameNumber' in submitter ? submitter.ipiNameNumber : submitter.societyCode;
}
