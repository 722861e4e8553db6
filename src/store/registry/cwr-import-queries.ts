import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** The earlier import of a file with this content digest, with what became of each of its transactions; undefined when new. */
export async function findImportedCwrFile(db: Kysely<ClefDatabase>, digest: string) {
  const file = await db.selectFrom('cwr_files').selectAll().where('digest', '=', digest).executeTakeFirst();
  if (!file) return undefined;
  const transactions = await db.selectFrom('cwr_file_transactions').selectAll().where('digest', '=', digest).orderBy('transaction_index').execute();
  return { file, transactions };
}

/** The party IPI name numbers among `ipis` that belong to a member of the CMO (any membership row). */
export async function findMemberIpis(db: Kysely<ClefDatabase>, ipis: readonly string[]): Promise<Set<string>> {
  if (ipis.length === 0) return new Set();
  const rows = await db
    .selectFrom('party_ipi_names')
    .innerJoin('members', 'members.party_id', 'party_ipi_names.party_id')
    .select('party_ipi_names.ipi_name_number')
    .where('party_ipi_names.ipi_name_number', 'in', [...new Set(ipis)])
    .execute();
  return new Set(rows.map((row) => row.ipi_name_number));
}

/** The current ISWC of works, by work id. */
export async function readWorkIswcs(db: Kysely<ClefDatabase>, workIds: readonly string[]): Promise<Map<string, string | null>> {
  if (workIds.length === 0) return new Map();
  const rows = await db.selectFrom('works').select(['work_id', 'iswc']).where('work_id', 'in', [...new Set(workIds)]).execute();
  return new Map(rows.map((row) => [row.work_id, row.iswc]));
}

/** Files the transactions an import recorded under a stand-in digest under the file's digest, once it is known. */
export async function setImportedCwrFileDigest(db: Kysely<ClefDatabase>, standIn: string, digest: string): Promise<void> {
  await db.updateTable('cwr_file_transactions').set({ digest }).where('digest', '=', standIn).execute();
}

/** True when a file of this name was imported before (a file sent again usually keeps its name). */
export async function isCwrFileNameImported(db: Kysely<ClefDatabase>, fileName: string): Promise<boolean> {
  return (await db.selectFrom('cwr_files').select('digest').where('file_name', '=', fileName).limit(1).executeTakeFirst()) !== undefined;
}
