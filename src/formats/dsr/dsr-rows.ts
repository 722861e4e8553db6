/**
 * The typed rows one streaming pass over a DSR file produces, shaped for staging: what matching and
 * distribution need, with identifiers kept as received beside their checked form (`validIsrc` is set
 * only when the received ISRC is well formed) and amounts as exact decimal text (never floats).
 */

/** What every row carries: where it came from. */
interface DsrRowBase {
  /** 1-based line number in the file. */
  readonly line: number;
  /** The record type as the line writes it (`SY02.01`, `AS01`). */
  readonly recordType: string;
}

/** The HEAD record: who reports what, for when and where. */
export interface DsrHeaderRow extends DsrRowBase {
  readonly kind: 'header';
  readonly messageVersion: string;
  readonly profile: string;
  readonly profileVersion: string;
  readonly messageId: string;
  readonly messageCreatedDateTime: string;
  readonly fileNumber: number | null;
  readonly numberOfFiles: number | null;
  readonly usageStartDate: string;
  readonly usageEndDate: string;
  readonly senderPartyId: string;
  readonly senderName: string;
  readonly serviceDescription: string | null;
  readonly recipientPartyId: string | null;
  readonly recipientName: string | null;
  readonly representedRepertoire: readonly string[];
}

/** A summary record (SY01, SY02, SY04, SY05, SY09…): the revenue pool a usage line refers to. */
export interface DsrSummaryRow extends DsrRowBase {
  readonly kind: 'summary';
  readonly summaryRecordId: string;
  readonly commercialModel: string | null;
  readonly useType: string | null;
  readonly territory: string | null;
  readonly serviceDescription: string | null;
  /** CurrencyOfReporting (older versions: Currency). */
  readonly currency: string | null;
  readonly usages: bigint | null;
  readonly subscribers: string | null;
  readonly netRevenue: string | null;
  readonly rightsController: string | null;
  readonly rightsControllerPartyId: string | null;
  readonly rightsType: string | null;
  readonly rightsTypePercentage: string | null;
  /** Every cell of the record by its DDEX name, as received (escapes resolved, empty cells left out). */
  readonly cells: Readonly<Record<string, string>>;
}

/** A sound recording or music video the DSP reports (AS01, or AS02 with its work inline). */
export interface DsrResourceRow extends DsrRowBase {
  readonly kind: 'resource';
  readonly blockId: string;
  readonly resourceReference: string;
  readonly dspResourceId: string;
  /** The ISRC cell as received (several values joined by `|`). */
  readonly isrc: string | null;
  /** The first well-formed ISRC, normalized; null when none is. */
  readonly validIsrc: string | null;
  readonly title: string;
  readonly subTitle: string | null;
  readonly displayArtistName: string;
  readonly displayArtistPartyId: string | null;
  readonly duration: string | null;
  readonly resourceType: string | null;
  /** The work data of an AS02 record; null for AS01. */
  readonly work: DsrWorkData | null;
}

/** What a DSP says about a musical work (MW01, or inline in AS02). */
export interface DsrWorkData {
  readonly iswc: string | null;
  /** The ISWC when well formed with a correct check digit, normalized; otherwise null. */
  readonly validIswc: string | null;
  readonly composerAuthors: readonly string[];
  readonly composerAuthorPartyIds: readonly string[];
  readonly arrangers: readonly string[];
  readonly musicPublishers: readonly string[];
  readonly musicPublisherPartyIds: readonly string[];
  readonly workContributors: readonly string[];
  readonly proprietaryWorkIds: readonly string[];
}

/** A musical work record (MW01) of the block's resource. */
export interface DsrWorkRow extends DsrRowBase, DsrWorkData {
  readonly kind: 'work';
  readonly blockId: string;
  readonly dspWorkId: string;
  readonly title: string;
  readonly subTitle: string | null;
  readonly dataProvider: string | null;
}

/** A release record (RE01, RE02, RU01, RU02), kept as information. */
export interface DsrReleaseRow extends DsrRowBase {
  readonly kind: 'release';
  readonly blockId: string;
  readonly summaryRecordId: string | null;
  readonly cells: Readonly<Record<string, string>>;
}

/** A usage record: downloads with returns (SU01), streams (SU02) or UGC usage (SU03). */
export interface DsrUsageRow extends DsrRowBase {
  readonly kind: 'usage';
  readonly blockId: string;
  readonly summaryRecordId: string | null;
  readonly salesTransactionId: string;
  /** The resource used: SU03 names it; for SU01/SU02 the block's resource (by TransactedResource when given). */
  readonly dspResourceId: string | null;
  readonly transactedRelease: string | null;
  readonly transactedResource: string | null;
  /** Usages, NumberOfStreams or downloads, exact (never through a float). */
  readonly usages: bigint;
  readonly returns: bigint;
  readonly isRoyaltyBearing: boolean | null;
  readonly netRevenue: string | null;
  readonly priceConsumerPaidExcSalesTax: string | null;
}

/** A licensor line (LI01): who the DSP believes controls a share of the work used, and what it allocated. */
export interface DsrLicensorRow extends DsrRowBase {
  readonly kind: 'licensor';
  readonly blockId: string;
  readonly summaryRecordId: string | null;
  readonly salesTransactionId: string | null;
  readonly rightsController: string;
  readonly rightsControllerPartyId: string | null;
  readonly rightsControllerWorkId: string | null;
  readonly rightSharePercentage: string | null;
  readonly rightsType: string | null;
  readonly allocatedNetRevenue: string | null;
  readonly allocatedAmount: string | null;
  readonly allocatedUsages: string | null;
  /** True when the RightsController is the keyword `conflict`: the DSP saw competing claims. */
  readonly conflict: boolean;
}

/** Any row a DSR file yields. */
export type DsrRow = DsrHeaderRow | DsrSummaryRow | DsrResourceRow | DsrWorkRow | DsrReleaseRow | DsrUsageRow | DsrLicensorRow;
