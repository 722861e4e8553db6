import type { Recording } from '../recording.js';
import type { RegistrationParty, RegistrationSource } from '../registration.js';
import type { Work } from '../work.js';
import type { PartyReference } from './resolve-parties.js';

/** Who submits: a member publisher or writer (by IPI name number), the CMO itself, or a sister society. */
export type SubmitterReference =
  | { readonly kind: 'publisher' | 'writer'; readonly ipiNameNumber: string }
  | { readonly kind: 'cmo'; readonly societyCode: string }
  | { readonly kind: 'society'; readonly societyCode: string };

/** A party as a submission names it (not yet resolved to a party id), with its role and shares as a registration holds them. */
export interface SubmittedParty extends PartyReference, Omit<RegistrationParty, 'partyId' | 'kind'> {
  /** Its place in the submission (1-based), for links and messages. */
  readonly number: number;
  readonly partyKind: RegistrationParty['kind'];
  /** For a writer: the number of the publisher that represents it (PWR). */
  readonly publisherNumber?: number;
  readonly agreementNumber?: string;
}

/** A recording a submission brings along, before it has an id and is linked to the work. */
export interface SubmittedRecording extends Omit<Recording, 'id' | 'workIds'> {
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
  readonly work: Omit<Work, 'id' | 'archivedIswcs' | 'originalWork'> & {
    readonly originalTitle?: string;
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
