/** The registry's tables: settings, parties, members, works, registrations, recordings, releases, history. */
export interface RegistryTables {
  clef_meta: { key: string; value: string };
  id_counters: { kind: string; next_value: bigint };
  history: HistoryTable;
  cmo_settings: CmoSettingsTable;
  sister_societies: SisterSocietyTable;
  parties: PartyTable;
  party_ipi_names: PartyIpiNameTable;
  party_affiliations: PartyAffiliationTable;
  members: MemberTable;
  works: WorkTable;
  work_iswcs: { iswc: string; work_id: string; preferred: boolean };
  work_titles: WorkTitleTable;
  /** A work's search keys (title and creator words, CJK character pairs): the posting lists of search. */
  work_search_keys: { search_key: string; work_id: string };
  /** How many works a batch of writes gave a term (rows per term add up to its document frequency). */
  search_terms: { term: string; work_count: bigint };
  /** A term's typo forms (itself and each letter left out), so a misspelt query word finds it. */
  search_term_variants: { variant: string; term: string };
  work_society_numbers: WorkSocietyNumberTable;
  registrations: RegistrationTable;
  counterclaims: CounterclaimTable;
  registration_parties: RegistrationPartyTable;
  registration_collections: RegistrationCollectionTable;
  registration_links: RegistrationLinkTable;
  work_collection_shares: WorkCollectionShareTable;
  work_disputes: WorkDisputeTable;
  recordings: RecordingTable;
  recording_works: { recording_id: string; work_id: string };
  releases: ReleaseTable;
  release_tracks: { release_id: string; track_number: number; recording_id: string };
}

export interface HistoryTable {
  history_id: bigint;
  at: string;
  actor: string;
  entity_kind: string;
  entity_id: string;
  action: string;
  detail: string;
}

export interface CmoSettingsTable {
  settings_id: number;
  name: string | null;
  society_code: string | null;
  currency: string | null;
}

export interface SisterSocietyTable {
  society_code: string;
  rights: string;
  territories: string;
}

export interface PartyTable {
  party_id: string;
  kind: string;
  name: string;
  first_name: string | null;
  name_key: string;
  ipi_base_number: string | null;
  isni: string | null;
  created_at: string;
}

export interface PartyIpiNameTable {
  ipi_name_number: string;
  party_id: string;
}

export interface PartyAffiliationTable {
  party_id: string;
  right_code: string;
  society_code: string;
  registration_id: string;
}

export interface MemberTable {
  member_id: string;
  party_id: string;
  rights: string;
  territories: string;
  start_date: string;
  end_date: string | null;
  created_at: string;
}

export interface WorkTable {
  work_id: string;
  iswc: string | null;
  title: string;
  title_key: string;
  creator_key: string;
  language: string | null;
  duration_s: number | null;
  version_type: string | null;
  original_work_id: string | null;
  original_title: string | null;
  ai_composition: string;
  ai_lyrics: string;
  ai_arrangement: string;
  ai_tools: string;
  human_contribution: string | null;
  ai_evidence: string;
  fully_ai_generated: boolean;
  in_dispute: boolean;
  extra: string;
  created_at: string;
  updated_at: string;
}

export interface WorkTitleTable {
  work_id: string;
  title: string;
  title_type: string;
  title_key: string;
  language: string | null;
}

export interface WorkSocietyNumberTable {
  work_id: string;
  society_code: string;
  work_number: string;
  status: string | null;
  status_date: string | null;
}

export interface RegistrationTable {
  registration_id: string;
  work_id: string;
  submitter_kind: string;
  submitter_id: string;
  submitter_work_number: string;
  source: string;
  source_ref: string | null;
  status: string;
  revised_by: string | null;
  extra: string;
  created_at: string;
  actor: string;
}

export interface RegistrationPartyTable {
  registration_id: string;
  party_seq: number;
  party_id: string;
  party_kind: string;
  role: string;
  controlled: boolean;
  ipi_name_number: string | null;
  name: string;
  pr_society: string | null;
  mr_society: string | null;
  sr_society: string | null;
  pr_ownership_bp: number;
  mr_ownership_bp: number;
  sr_ownership_bp: number;
  extra: string;
}

/** One collection claim of a registration party: a territory chain (`I2136 E0250`) and its shares per right. */
export interface RegistrationCollectionTable {
  registration_id: string;
  party_seq: number;
  claim_seq: number;
  territories: string;
  pr_collection_bp: number;
  mr_collection_bp: number;
  sr_collection_bp: number;
}

export interface RegistrationLinkTable {
  registration_id: string;
  writer_seq: number;
  publisher_seq: number;
  society_agreement_number: string | null;
  submitter_agreement_number: string | null;
}

export interface WorkCollectionShareTable {
  work_id: string;
  right_code: string;
  territory: string;
  party_id: string;
  registration_id: string;
  collection_bp: number;
}

/** Registrations of one work whose shares conflict (`registration_ids` space-separated), open until resolved. */
export interface CounterclaimTable {
  counterclaim_id: string;
  work_id: string;
  registration_ids: string;
  opened_at: string;
  /** ISO date by which it should be resolved (policy `disputeDeadlineDays`). */
  deadline: string;
  status: string;
  resolved_at: string | null;
  /** JSON: what was kept and what set aside, or why it closed. */
  resolution: string | null;
}

export interface WorkDisputeTable {
  work_id: string;
  right_code: string;
  territory: string;
  claimed_bp: number;
}

export interface RecordingTable {
  recording_id: string;
  isrc: string | null;
  title: string;
  version_title: string | null;
  display_artist: string | null;
  duration_s: number | null;
  label: string | null;
  title_key: string;
  artist_key: string;
  ai_vocals: string;
  ai_instrumentation: string;
  ai_production: string;
  ai_tools: string;
  human_contribution: string | null;
  ai_evidence: string;
  extra: string;
  created_at: string;
}

export interface ReleaseTable {
  release_id: string;
  icpn: string | null;
  title: string;
  label: string | null;
  release_date: string | null;
}
