import type { Kysely } from 'kysely';

/**
 * Resuming a staging report (issue 13, part 2): while a report is `staging`, what it stages, so that
 * `clef usage ingest --resume FILE` finds it again and refuses a file that changed since — the file's name as
 * ingestion records it, its size and modification time (nanoseconds since the epoch), the `--replaces` MessageId
 * it was given — and `resume_line`: every staged row of a line before it is committed, so a resume deletes the
 * rows from it on (the block still open at the last commit) and writes again only from it.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('usage_reports').addColumn('staged_file', 'text').execute();
  await db.schema.alterTable('usage_reports').addColumn('staged_file_bytes', 'bigint').execute();
  await db.schema.alterTable('usage_reports').addColumn('staged_file_mtime', 'bigint').execute();
  await db.schema.alterTable('usage_reports').addColumn('staged_replaces', 'text').execute();
  await db.schema.alterTable('usage_reports').addColumn('resume_line', 'bigint').execute();
}
