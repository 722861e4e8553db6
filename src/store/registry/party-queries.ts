import type { Kysely } from 'kysely';
import type { ClefDatabase, PartyTable } from '../schema.js';

/** The party ids of the given IPI name numbers, where known. */
export async function findPartyIdsByIpi(db: Kysely<ClefDatabase>, ipis: readonly string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let start = 0; start < ipis.length; start += 5000) {
    const slice = ipis.slice(start, start + 5000);
    if (slice.length === 0) continue;
    const rows = await db.selectFrom('party_ipi_names').select(['ipi_name_number', 'party_id']).where('ipi_name_number', 'in', slice).execute();
    for (const row of rows) found.set(row.ipi_name_number, row.party_id);
  }
  return found;
}

/** Reads parties whole by id. */
export async function readParties(db: Kysely<ClefDatabase>, partyIds: readonly string[]) {
  if (partyIds.length === 0) return { parties: [] as PartyTable[], ipis: [] as { ipi_name_number: string; party_id: string }[] };
  const parties = await db.selectFrom('parties').selectAll().where('party_id', 'in', [...partyIds]).execute();
  const ipis = await db.selectFrom('party_ipi_names').selectAll().where('party_id', 'in', [...partyIds]).orderBy('ipi_name_number').execute();
  return { parties, ipis };
}
