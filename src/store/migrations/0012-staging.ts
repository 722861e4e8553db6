import type { Kysely } from 'kysely';

/**
 * Staging in committed chunks (issue 13): a report being ingested has the status `staging`, invisible to worklists,
 * matching and distribution until its file is accepted; `staged_lines` counts the lines its committed chunks hold,
 * so what a process that died left behind can be told and removed.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('usage_reports').addColumn('staged_lines', 'bigint').execute();
}
