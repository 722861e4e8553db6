import type { Kysely } from 'kysely';
import { defineIndex, defineTable } from './define-table.js';

/**
 * Counterclaims: registrations of one work whose shares conflict, with the day they were found, the deadline by policy
 * and how they were resolved. Registrations a resolution sets aside keep their rows with status `withdrawn`.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await defineTable(db, 'counterclaims', [
    ['counterclaim_id', 'text'], ['work_id', 'text'], ['registration_ids', 'text'], ['opened_at', 'text'], ['deadline', 'text'],
    ['status', 'text'], ['resolved_at', 'text', 'null'], ['resolution', 'text', 'null'],
  ], ['counterclaim_id']);
  await defineIndex(db, 'counterclaims', ['work_id']);
}
