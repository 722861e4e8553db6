import type { Kysely } from 'kysely';
import { defineIndex, defineTable } from './define-table.js';

/**
 * What a run's statements print, recorded with the run when it is booked (issue 11, part 9): the titles and ISWCs
 * of the works it paid, the names and IPI name numbers of the parties it paid. An ACK import, a merge or a rename
 * afterwards changes the registry, never a booked run's statements. Runs booked before this migration have
 * `labels_recorded` NULL and their statements read the registry as it is now. Issue 11's usage part adds the
 * worklist note of an id match set aside and the parts of medleys.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await defineTable(db, 'run_work_labels', [['run_id', 'text'], ['work_id', 'text'], ['title', 'text', 'null'], ['iswc', 'text', 'null']], ['run_id', 'work_id']);
  await defineTable(db, 'run_party_labels', [['run_id', 'text'], ['party_id', 'text'], ['name', 'text'], ['first_name', 'text', 'null']], ['run_id', 'party_id']);
  await defineTable(db, 'run_party_ipi_names', [['run_id', 'text'], ['party_id', 'text'], ['ipi_name_number', 'text']], ['run_id', 'party_id', 'ipi_name_number']);
  await db.schema.alterTable('distribution_runs').addColumn('labels_recorded', 'boolean').execute();
  // Usage (part 8): why an id match was set aside, and the works of medleys identified part by part.
  await db.schema.alterTable('usage_matches').addColumn('note', 'text').execute();
  await defineTable(db, 'usage_medley_parts', [
    ['report_id', 'bigint'], ['dsp_resource_id', 'text'], ['part', 'integer'], ['dsp_work_id', 'text'], ['work_id', 'text', 'null'], ['method', 'text', 'null'], ['note', 'text', 'null'],
  ]);
  await defineIndex(db, 'usage_medley_parts', ['report_id']);
}
