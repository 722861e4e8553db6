import { sql, type Kysely } from 'kysely';
import { defineTable } from './define-table.js';

/**
 * Money integrity (issue 12): `distributed_reports` holds each report's one original run under a primary key, so
 * no report is ever distributed by two runs whatever the concurrency (adjustment runs list their reports in
 * `distribution_run_reports` as before); reserve claims record who decided them, for the separation of duties.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await defineTable(db, 'distributed_reports', [['report_id', 'bigint'], ['run_id', 'text']], ['report_id']);
  await sql`INSERT INTO distributed_reports (report_id, run_id)
    SELECT rr.report_id, min(rr.run_id) FROM distribution_run_reports rr JOIN distribution_runs r ON r.run_id = rr.run_id
    WHERE r.kind = 'distribution' GROUP BY rr.report_id`.execute(db);
  await db.schema.alterTable('reserve_claims').addColumn('decided_by', 'text').execute();
}
