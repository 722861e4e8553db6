/**
 * The AI-training part's tables: rights reservations (with history: rows are only added), AI licensees and their
 * licences per model version, training-data declarations with their identified entries, revenue and attribution
 * reports, and the pools of AI remuneration runs (the runs themselves and their ledger are the distribution
 * part's). Money is BIGINT micro-units of the licence's currency; percentages are basis points.
 */
export interface AiTables {
  ai_reservations: AiReservationTable;
  ai_licensees: AiLicenseeTable;
  ai_licences: AiLicenceTable;
  ai_declarations: AiDeclarationTable;
  ai_declaration_entries: AiDeclarationEntryTable;
  ai_revenue_reports: AiRevenueReportTable;
  ai_pools: AiPoolTable;
}

/** A reservation or grant of one CAWG use for a work, a recording, a party's works or the whole repertoire, from a date. */
export interface AiReservationTable {
  reservation_id: string;
  /** `work`, `recording`, `party` or `repertoire`. */
  scope_kind: string;
  /** The work, recording or party id; null for the repertoire. */
  scope_id: string | null;
  /** `data_mining`, `ai_training`, `ai_generative_training` or `ai_inference`. */
  use_code: string;
  /** `allowed`, `notAllowed` or `constrained`. */
  status: string;
  constraint_info: string | null;
  effective_from: string;
  recorded_at: string;
  actor: string;
}

/** An AI developer that takes licences. */
export interface AiLicenseeTable {
  licensee_id: string;
  legal_name: string;
  country: string;
  registration_number: string | null;
  contact: string | null;
  created_at: string;
  actor: string;
}

/** A licence for one model name and version: term, uses, outputs, repertoire scope and money. */
export interface AiLicenceTable {
  licence_id: string;
  licensee_id: string;
  model_name: string;
  model_version: string;
  term_start: string;
  term_end: string;
  /** CAWG uses granted, `;`-separated. */
  uses: string;
  /** What outputs may be distributed, free text. */
  outputs: string | null;
  /** TIS territory chain text where outputs may be distributed. */
  output_territories: string;
  /** `opt-in` or `not-reserved`. */
  scope: string;
  /** How the training fee is divided: `equal`, `pro-rata` or `attribution`. */
  fee_division: string;
  training_fee_micros: bigint;
  revenue_share_bp: bigint;
  /** Per month. */
  minimum_guarantee_micros: bigint;
  output_rate_bp: bigint;
  currency: string;
  created_at: string;
  actor: string;
}

/** A licensee's training-data declaration: the model, when it was trained, the manifest and summary it came with. */
export interface AiDeclarationTable {
  declaration_id: string;
  licence_id: string;
  model_name: string;
  model_version: string;
  training_date: string;
  manifest_file: string;
  manifest_digest: string;
  /** The EU AI Act training-content summary as JSON text, when one was given. */
  summary: string | null;
  entries: bigint;
  created_at: string;
  actor: string;
}

/** One declared training item (manifest row or dataset file) and what identified it. */
export interface AiDeclarationEntryTable {
  declaration_id: string;
  entry_no: number;
  /** `manifest` or `dataset`. */
  source: string;
  /** The manifest line or the dataset file path. */
  origin: string;
  isrc: string | null;
  iswc: string | null;
  title: string | null;
  artist: string | null;
  file_digest: string | null;
  duration_used_ms: bigint | null;
  work_id: string | null;
  recording_id: string | null;
  /** `isrc`, `iswc`, `title-artist`, `audio` or `none`. */
  method: string;
  evidence: string;
}

/** A licensee's report for one month: net revenue, output-use revenue and, optionally, attribution weights. */
export interface AiRevenueReportTable {
  revenue_id: string;
  licence_id: string;
  period: string;
  net_revenue_micros: bigint;
  output_revenue_micros: bigint;
  /** JSON `[{work_id, weight}]` with weights as integers of millionths, or null. */
  attribution: string | null;
  attribution_file: string | null;
  created_at: string;
  actor: string;
}

/** A pool of an AI run: which licence, month and money source it holds, and the month's last day (reserves age by it). */
export interface AiPoolTable {
  pool_id: string;
  run_id: string;
  licence_id: string;
  period: string;
  period_end: string;
  /** `training_fee`, `revenue_share` or `output_use`. */
  source: string;
}
