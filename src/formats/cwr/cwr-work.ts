import type { CwrRecord } from './parse-cwr-record.js';

/** Shares per right in CWR's 5-digit form: 10000 is 100 %. Absent when the field is blank or not numeric. */
export interface CwrRightShares {
  readonly PR?: number;
  readonly MR?: number;
  readonly SR?: number;
}

/** An SPT/OPT or SWT/OWT record: a territory included or excluded, with the collection shares there. */
export interface CwrTerritoryShare {
  readonly include: boolean;
  readonly tis: number;
  readonly collection: CwrRightShares;
  readonly sequence?: number;
  readonly sharesChange?: boolean;
}

/** An SPU (controlled) or OPU (other) publisher with its ownership shares and territories of collection. */
export interface CwrPublisher {
  readonly controlled: boolean;
  readonly sequence?: number;
  readonly interestedPartyNumber?: string;
  readonly name?: string;
  readonly unknown: boolean;
  readonly publisherType?: string;
  readonly ipiNameNumber?: string;
  readonly ipiBaseNumber?: string;
  readonly societies: { readonly PR?: string; readonly MR?: string; readonly SR?: string };
  readonly ownership: CwrRightShares;
  readonly submitterAgreementNumber?: string;
  readonly societyAgreementNumber?: string;
  readonly agreementType?: string;
  readonly territories: readonly CwrTerritoryShare[];
  readonly record: CwrRecord;
}

/** A PWR link: the publisher a writer is represented by, with the agreement numbers. */
export interface CwrPublisherLink {
  readonly publisherIpNumber?: string;
  readonly publisherName?: string;
  readonly submitterAgreementNumber?: string;
  readonly societyAgreementNumber?: string;
  readonly publisherSequence?: number;
}

/** An SWR (controlled) or OWR (other) writer with ownership shares, territories and the publishers linked by PWR. */
export interface CwrWriter {
  readonly controlled: boolean;
  readonly interestedPartyNumber?: string;
  readonly lastName?: string;
  readonly firstName?: string;
  readonly unknown: boolean;
  readonly designation?: string;
  readonly ipiNameNumber?: string;
  readonly ipiBaseNumber?: string;
  readonly societies: { readonly PR?: string; readonly MR?: string; readonly SR?: string };
  readonly ownership: CwrRightShares;
  readonly territories: readonly CwrTerritoryShare[];
  readonly publishers: readonly CwrPublisherLink[];
  readonly record: CwrRecord;
}

/** A work other than this one that the transaction names: the original of a version (VER), the entire work of an excerpt (EWT) or a component (COM). */
export interface CwrRelatedWork {
  readonly title?: string;
  readonly iswc?: string;
  readonly submitterWorkNumber?: string;
  readonly languageCode?: string;
  readonly writers: readonly { readonly lastName?: string; readonly firstName?: string; readonly ipiNameNumber?: string; readonly ipiBaseNumber?: string }[];
}

/**
 * The work of an NWR, REV, ISW, EXC or WRK transaction as the registry consumes it: the header fields,
 * its parties with shares and territories, titles, performers, recordings, origins, related works and cross references,
 * plus every raw record in file order so a write-back is exact.
 */
export interface CwrWork {
  readonly transactionType: string;
  readonly title?: string;
  readonly submitterWorkNumber?: string;
  readonly iswc?: string;
  readonly languageCode?: string;
  readonly copyrightDate?: string;
  readonly copyrightNumber?: string;
  readonly distributionCategory?: string;
  /** `HHMMSS` */
  readonly duration?: string;
  readonly recordedIndicator?: string;
  readonly textMusicRelationship?: string;
  readonly compositeType?: string;
  readonly versionType?: string;
  readonly excerptType?: string;
  readonly musicArrangement?: string;
  readonly lyricAdaptation?: string;
  readonly cwrWorkType?: string;
  readonly grandRights?: boolean;
  readonly opusNumber?: string;
  readonly catalogueNumber?: string;
  readonly priority?: boolean;
  readonly publishers: readonly CwrPublisher[];
  readonly writers: readonly CwrWriter[];
  readonly alternateTitles: readonly { readonly title: string; readonly titleType?: string; readonly languageCode?: string }[];
  readonly performers: readonly { readonly lastName?: string; readonly firstName?: string; readonly ipiNameNumber?: string; readonly ipiBaseNumber?: string }[];
  readonly recordings: readonly Readonly<Record<string, string | undefined>>[];
  readonly origins: readonly Readonly<Record<string, string | undefined>>[];
  readonly originalWork?: CwrRelatedWork;
  readonly entireWork?: CwrRelatedWork;
  readonly components: readonly CwrRelatedWork[];
  readonly crossReferences: readonly { readonly organisationCode?: string; readonly identifier?: string; readonly identifierType?: string; readonly validity?: string }[];
  readonly records: readonly CwrRecord[];
}
