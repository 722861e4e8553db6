import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../../src/store/index.js';
import { stagedTables } from '../../src/store/registry/staged-import.js';

const instant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}/;

/**
 * Every registry table an import writes, as sorted JSON rows to compare two stores by: instants masked (clocks differ
 * between runs), history without its numbers, and the search vocabulary as each term's summed count (one row per
 * write, as readers sum them).
 */
export async function registryDump(db: Kysely<ClefDatabase>): Promise<Record<string, string[]>> {
  const dump: Record<string, string[]> = {};
  for (const table of stagedTables) {
    const rows = await db.selectFrom(table).selectAll().execute();
    dump[table] = rows
      .map((found) => {
        const { history_id: _number, ...row } = found as Record<string, unknown>;
        return JSON.stringify(row, (_key, value) => (typeof value === 'bigint' ? String(value) : typeof value === 'string' && instant.test(value) ? 'instant' : value));
      })
      .sort();
  }
  const sums = new Map<string, number>();
  for (const row of await db.selectFrom('search_terms').selectAll().execute()) sums.set(row.term, (sums.get(row.term) ?? 0) + Number(row.work_count));
  dump.search_terms = [...sums].map(([term, count]) => `${term}=${count}`).sort();
  return dump;
}
