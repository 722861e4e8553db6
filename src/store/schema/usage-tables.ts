/**
 * The usage part's tables: DSPs, DSR reports and their staged rows, matches.
 * The big tables (`usage_*` rows) all carry `report_id`, never NULL: the distribution key for sharding (Citus),
 * and with `file_number` and `line` the lineage every statement line traces back to. Amounts stay exact decimal
 * text as the DSP wrote them; distribution turns them into micro-units.
 */
export interface UsageTables {
  dsps: DspTable;
  usage_reports: UsageReportTable;
  usage_report_files: UsageReportFileTable;
  usage_summaries: UsageSummaryTable;
  usage_resources: UsageResourceTable;
  usage_works: UsageWorkTable;
  usage_releases: UsageReleaseTable;
  usage_lines: UsageLineTable;
  usage_licensors: UsageLicensorTable;
  usage_matches: UsageMatchTable;
  usage_medley_parts: UsageMedleyPartTable;
  dsp_resource_matches: DspResourceMatchTable;
}

/** A digital service, identified by its DDEX party id. */
export interface DspTable {
  dpid: string;
  name: string;
  /** Other names the DSP goes by, `|`-separated. */
  aliases: string;
  created_at: string;
}

/** One DSR report (a MessageId), assembled from its files. */
export interface UsageReportTable {
  report_id: bigint;
  message_id: string;
  sender_dpid: string;
  recipient_dpid: string | null;
  recipient_name: string | null;
  service_description: string | null;
  period_start: string;
  period_end: string;
  /** The territory of the file name (or of the summaries when all agree). */
  territory: string | null;
  currency: string | null;
  profile: string;
  profile_version: string;
  message_version: string;
  message_created: string;
  number_of_files: number;
  files_received: number;
  /**
   * `complete` when all xofy files are in, `incomplete` until then, `replaced` by a corrected resend; `staging` while
   * a file is being staged in committed chunks: invisible to every reader until the file is accepted.
   */
  status: string;
  replaces: bigint | null;
  replaced_by: bigint | null;
  /** True once a distribution run used the report. */
  distributed: boolean;
  /** True when a corrected resend replaced this report after it was distributed: the next run adjusts for the difference. */
  needs_adjustment: boolean;
  lines: bigint;
  warnings: bigint;
  ingested_at: string;
  /** While `staging`: the lines of the file its committed chunks hold so far. */
  staged_lines: bigint | null;
  /** While `staging` from a file on disk: its name as ingestion records it, its size and modification time (ns since the epoch), for `--resume`. */
  staged_file: string | null;
  staged_file_bytes: bigint | null;
  staged_file_mtime: bigint | null;
  /** While `staging`: the MessageId the file was said to replace (`--replaces`), which a resume keeps. */
  staged_replaces: string | null;
  /** While `staging`: every staged row of a line before this one is committed; a resume writes again from it. */
  resume_line: bigint | null;
}

/** One file of a report: its identity for duplicate detection, and its warnings. */
export interface UsageReportFileTable {
  report_id: bigint;
  file_number: number;
  file_name: string;
  digest: string;
  bytes: bigint;
  lines: bigint;
  warning_count: bigint;
  /** The listed warnings (up to the cap), as JSON findings. */
  warnings: string;
  ingested_at: string;
}

/** A summary record (SY01, SY02, SY04, SY05, SY09…) with its main cells and every cell as JSON. */
export interface UsageSummaryTable {
  report_id: bigint;
  file_number: number;
  line: number;
  record_type: string;
  summary_record_id: string;
  commercial_model: string | null;
  use_type: string | null;
  territory: string | null;
  service_description: string | null;
  currency: string | null;
  usages: bigint | null;
  subscribers: string | null;
  net_revenue: string | null;
  rights_controller: string | null;
  rights_controller_party_id: string | null;
  rights_type: string | null;
  rights_type_percentage: string | null;
  cells: string;
}

/** A resource line (AS01, AS02), with the work data of its block folded in and the matching keys made at ingestion. */
export interface UsageResourceTable {
  report_id: bigint;
  file_number: number;
  line: number;
  record_type: string;
  block_id: string;
  resource_reference: string;
  dsp_resource_id: string;
  isrc: string | null;
  valid_isrc: string | null;
  title: string;
  sub_title: string | null;
  display_artist: string;
  duration: string | null;
  resource_type: string | null;
  iswc: string | null;
  valid_iswc: string | null;
  /** ComposerAuthor names, `|`-separated. */
  writers: string | null;
  /** Proprietary and rights-controller work numbers of the block, `|`-separated, namespace prefixes removed. */
  work_numbers: string | null;
  title_key: string;
  artist_key: string;
  /** The writers' name keys, `|`-separated. */
  writer_keys: string | null;
}

/** A musical work line (MW01), kept as received. */
export interface UsageWorkTable {
  report_id: bigint;
  file_number: number;
  line: number;
  record_type: string;
  block_id: string;
  dsp_work_id: string;
  title: string;
  iswc: string | null;
  valid_iswc: string | null;
  writers: string | null;
  publishers: string | null;
  proprietary_work_ids: string | null;
}

/** A release line (RE, RU), kept as information. */
export interface UsageReleaseTable {
  report_id: bigint;
  file_number: number;
  line: number;
  record_type: string;
  block_id: string;
  cells: string;
}

/** A usage line (SU01 downloads, SU02 streams, SU03 UGC usage): the unit distribution divides by. */
export interface UsageLineTable {
  report_id: bigint;
  file_number: number;
  line: number;
  record_type: string;
  block_id: string;
  summary_record_id: string | null;
  sales_transaction_id: string;
  dsp_resource_id: string | null;
  usages: bigint;
  returns: bigint;
  is_royalty_bearing: boolean | null;
  net_revenue: string | null;
  price_consumer_paid: string | null;
}

/** A licensor line (LI01): the rights controller the DSP allocated a share to, or `conflict`. */
export interface UsageLicensorTable {
  report_id: bigint;
  file_number: number;
  line: number;
  block_id: string;
  summary_record_id: string | null;
  sales_transaction_id: string | null;
  rights_controller: string;
  rights_controller_party_id: string | null;
  rights_controller_work_id: string | null;
  right_share_percentage: string | null;
  rights_type: string | null;
  allocated_net_revenue: string | null;
  allocated_amount: string | null;
  allocated_usages: string | null;
  conflict: boolean;
}

/**
 * One DSP resource of a report (distinct DspResourceId) and what it was matched to: the unit of matching and of
 * the worklists. `status` is `matched` (recording and work), `recording` (recording identified, work unknown),
 * `work` (work identified, recording unknown), `ambiguous` (an identifier names several recordings) or `unmatched`.
 */
export interface UsageMatchTable {
  report_id: bigint;
  dsp_resource_id: string;
  sender_dpid: string;
  valid_isrc: string | null;
  valid_iswc: string | null;
  work_numbers: string | null;
  title: string;
  display_artist: string;
  title_key: string;
  artist_key: string;
  writer_keys: string | null;
  usages: bigint;
  usage_lines: bigint;
  status: string;
  recording_id: string | null;
  work_id: string | null;
  /** `isrc`, `dsp-resource`, `iswc`, `work-number`, `title-artist` or `manual`; null while unmatched. */
  method: string | null;
  /** Basis points, 10000 = certain. */
  confidence: number | null;
  manual: boolean;
  /** Why an identifier's match was set aside (namespace or title/creator guard), shown on the worklist. */
  note: string | null;
}

/**
 * One work of a medley (a resource whose block names several MW01 works), identified on its own: by ISWC, or by
 * work number within its namespace past the guard; `work_id` null when none (its part of the value is unidentified).
 */
export interface UsageMedleyPartTable {
  report_id: bigint;
  dsp_resource_id: string;
  part: number;
  dsp_work_id: string;
  work_id: string | null;
  method: string | null;
  note: string | null;
}

/** What a DSP's resource id was matched to, manually or by an earlier report: later reports reuse it. */
export interface DspResourceMatchTable {
  sender_dpid: string;
  dsp_resource_id: string;
  recording_id: string | null;
  work_id: string | null;
  method: string;
  confidence: number;
  manual: boolean;
  matched_at: string;
  actor: string;
}
