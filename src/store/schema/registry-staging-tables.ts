import type { CwrTables } from './cwr-tables.js';
import type { RegistryTables } from './registry-tables.js';

/** The tables a works import writes: each has a twin `staged_<table>` its committed chunks fill (migration 0014). */
export type StagedTable =
  | 'parties' | 'party_ipi_names' | 'party_affiliations' | 'works' | 'work_iswcs' | 'work_titles' | 'registrations' | 'registration_parties'
  | 'registration_collections' | 'registration_links' | 'work_collection_shares' | 'work_disputes' | 'counterclaims' | 'recordings'
  | 'recording_works' | 'releases' | 'release_tracks' | 'history' | 'work_search_keys' | 'search_terms' | 'search_term_variants'
  | 'cwr_registrations' | 'cwr_file_transactions' | 'cwr_files';

type Twins = { [T in StagedTable as `staged_${T}`]: (RegistryTables & CwrTables)[T] };

/** A works import being staged: its file, and the id counters (JSON, kind → next value) at its start and last commit. */
export interface RegistryImportTable {
  import_id: string;
  file_name: string;
  started_at: string;
  counters_at_start: string;
  counters_committed: string;
  chunks: number;
  /** Registrations its committed chunks hold. */
  registrations: bigint;
}

/** The staging of a works import (docs/registry.md "Import in committed chunks"). */
export interface RegistryStagingTables extends Twins {
  /** Registrations already in the registry that the staged file revises. */
  staged_revisions: { registration_id: string; revised_by: string };
  /** Counterclaims already in the registry whose conflict the staged file ended or changed. */
  staged_closures: { counterclaim_id: string; resolved_at: string; resolution: string };
  /** Works already in the registry whose share picture the staged file derives anew, with their dispute flag. */
  staged_pictures: { work_id: string; in_dispute: boolean };
  registry_imports: RegistryImportTable;
  /** One batch's lookup keys (migration 0015), joined against the registry: rows live only inside the batch's transaction. */
  lookup_keys: LookupKeyTable;
}

/** A key a batch of submissions looks up: `kind` names the table it is looked up in, `detail` its second column ('' if none). */
export interface LookupKeyTable {
  kind: 'ipi' | 'name' | 'revision' | 'iswc' | 'identity' | 'isrc' | 'work' | 'revised';
  key: string;
  detail: string;
}
