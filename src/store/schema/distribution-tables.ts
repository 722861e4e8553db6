/**
 * The distribution part's tables: licences, fx rates, invoiced pool amounts, policy versions, runs, pools, the
 * append-only ledger and claims. Money is BIGINT micro-units of the run's currency. Runs, pools and ledger rows are
 * only ever inserted; an adjustment is a new run. Every large table carries `run_id`, never NULL (the Citus key).
 */
export interface DistributionTables {
  dsp_licences: DspLicenceTable;
  fx_rates: FxRateTable;
  pool_invoices: PoolInvoiceTable;
  policy_versions: PolicyVersionTable;
  distribution_runs: DistributionRunTable;
  distribution_run_reports: { run_id: string; report_id: bigint; digest: string };
  /** The one original run of each distributed report (its primary key refuses a second). */
  distributed_reports: { report_id: bigint; run_id: string };
  distribution_pools: DistributionPoolTable;
  ledger_entries: LedgerEntryTable;
  reserve_claims: ReserveClaimTable;
  /** The title and ISWC of each work a run paid, as they were when it was booked. */
  run_work_labels: { run_id: string; work_id: string; title: string | null; iswc: string | null };
  /** The name of each party a run paid, as it was when it was booked. */
  run_party_labels: { run_id: string; party_id: string; name: string; first_name: string | null };
  run_party_ipi_names: { run_id: string; party_id: string; ipi_name_number: string };
}

/** The CMO's licence with a DSP for a commercial model and use type (`*` = all). */
export interface DspLicenceTable {
  dpid: string;
  commercial_model: string;
  use_type: string;
  /** Royalty rate on NetRevenue, exact decimal text (`0.12`). */
  rate: string;
  /** Rights covered, `PR;MR`. */
  rights: string;
  /** Territory chain text (`I2136`) where the licence applies. */
  territories: string;
  per_subscriber_minimum_micros: bigint | null;
  /** The CMO's rights controller name or party id in this DSP's UGC reports. */
  rights_controller: string | null;
  updated_at: string;
}

/** Units of `to_currency` per unit of `from_currency` for a month (`YYYY-MM`), exact decimal text. */
export interface FxRateTable {
  from_currency: string;
  to_currency: string;
  period: string;
  rate: string;
}

/** An amount entered from a DSP's invoice for one summary record; it replaces the computed pool. */
export interface PoolInvoiceTable {
  report_id: bigint;
  summary_record_id: string;
  amount_micros: bigint;
  entered_at: string;
}

/** A policy file as a run used it. */
export interface PolicyVersionTable {
  version: string;
  digest: string;
  policy: string;
  recorded_at: string;
}

/** An immutable run: what went in (digests, policy, fx rates, registry snapshot) and its figures. */
export interface DistributionRunTable {
  run_id: string;
  kind: string;
  period: string;
  dsp: string | null;
  adjusts: string | null;
  policy_version: string;
  currency: string;
  /** JSON: report digests, fx rates used, licences used, skipped reports with the reason. */
  inputs: string;
  /** JSON of the registry rows read (works' shares, members, sister societies, affiliations). */
  snapshot: string;
  snapshot_digest: string;
  money_in_micros: bigint;
  commission_micros: bigint;
  allocated_micros: bigint;
  lines: bigint;
  matched_lines: bigint;
  usages: bigint;
  matched_usages: bigint;
  line_micros: bigint;
  matched_micros: bigint;
  created_at: string;
  actor: string;
  /** True when the run's statement labels were recorded with it (migration 0011); NULL for runs booked before. */
  labels_recorded: boolean | null;
}

/** One pool of a run: the royalty of one summary record and how it was computed. */
export interface DistributionPoolTable {
  run_id: string;
  pool_id: string;
  report_id: bigint;
  summary_record_id: string;
  dsp: string;
  commercial_model: string | null;
  use_type: string | null;
  territory: string | null;
  basis: string;
  amount_micros: bigint;
}

/** One booking: who (party, society, reserve or commission), how much, from which pool, for which work and right. */
export interface LedgerEntryTable {
  run_id: string;
  entry_seq: number;
  pool_id: string;
  account_kind: string;
  account_id: string;
  party_id: string | null;
  work_id: string | null;
  recording_id: string | null;
  right_code: string | null;
  amount_micros: bigint;
  usages: bigint;
  currency: string;
}

/** A party's claim on money held in a reserve, with evidence; staff approve (or reject), the next run pays it. */
export interface ReserveClaimTable {
  claim_id: string;
  /** The reserve kind (`non_member`, `undocumented_share`, …). */
  reserve: string;
  /** The claimant, paid when the claim is. */
  party_id: string;
  /** What the claim covers (a pool is the same in every run); null means any. */
  pool_id: string | null;
  work_id: string | null;
  recording_id: string | null;
  right_code: string | null;
  /** The party the reserve entries name (a non-member's share); null means any. */
  share_party_id: string | null;
  amount_micros: bigint;
  evidence: string;
  /** `pending`, `approved`, `rejected` or `paid`. */
  status: string;
  created_at: string;
  decided_at: string | null;
  paid_run_id: string | null;
  paid_micros: bigint | null;
  /** Who made the claim. */
  actor: string;
  /** Who approved or rejected it: never the one who made it. */
  decided_by: string | null;
}
