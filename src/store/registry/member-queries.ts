import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** The memberships of the given parties. */
export async function findMembershipsOfParties(db: Kysely<ClefDatabase>, partyIds: readonly string[]) {
  const rows: ClefDatabase['members'][] = [];
  const unique = [...new Set(partyIds)];
  for (let start = 0; start < unique.length; start += 5000) {
    const slice = unique.slice(start, start + 5000);
    if (slice.length > 0) rows.push(...(await db.selectFrom('members').selectAll().where('party_id', 'in', slice).execute()));
  }
  return rows;
}
