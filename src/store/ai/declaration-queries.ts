import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../schema.js';

/** Writes a declaration with its entries. */
export async function insertDeclaration(db: Kysely<ClefDatabase>, row: ClefDatabase['ai_declarations'], entries: readonly ClefDatabase['ai_declaration_entries'][]): Promise<void> {
  await db.insertInto('ai_declarations').values(row).execute();
  for (let start = 0; start < entries.length; start += 500) await db.insertInto('ai_declaration_entries').values(entries.slice(start, start + 500)).execute();
}

/** One declaration, or undefined. */
export async function findDeclarationRow(db: Kysely<ClefDatabase>, declarationId: string): Promise<ClefDatabase['ai_declarations'] | undefined> {
  return db.selectFrom('ai_declarations').selectAll().where('declaration_id', '=', declarationId).executeTakeFirst();
}

/** The declarations of a licence in id order. */
export async function listDeclarationRows(db: Kysely<ClefDatabase>, licenceId: string): Promise<ClefDatabase['ai_declarations'][]> {
  return db.selectFrom('ai_declarations').selectAll().where('licence_id', '=', licenceId).orderBy('declaration_id').execute();
}

/** A declaration's entries in order. */
export async function readDeclarationEntries(db: Kysely<ClefDatabase>, declarationId: string): Promise<ClefDatabase['ai_declaration_entries'][]> {
  return db.selectFrom('ai_declaration_entries').selectAll().where('declaration_id', '=', declarationId).orderBy('entry_no').execute();
}

/** A manifest already declared under a licence (same content digest), or undefined. */
export async function findDeclarationByDigest(db: Kysely<ClefDatabase>, licenceId: string, digest: string): Promise<ClefDatabase['ai_declarations'] | undefined> {
  return db.selectFrom('ai_declarations').selectAll().where('licence_id', '=', licenceId).where('manifest_digest', '=', digest).executeTakeFirst();
}
