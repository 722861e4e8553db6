import type { Kysely } from 'kysely';
import type { ApiTokenTable, ClefDatabase, UserTable } from '../schema.js';

/** Records an API token's digest. */
export async function insertApiToken(db: Kysely<ClefDatabase>, token: ApiTokenTable): Promise<void> {
  await db.insertInto('api_tokens').values(token).execute();
}

/** The user an unrevoked token digest belongs to, or undefined. */
export async function findUserByTokenDigest(db: Kysely<ClefDatabase>, digest: string): Promise<UserTable | undefined> {
  return db
    .selectFrom('api_tokens as t')
    .innerJoin('users as u', 'u.user_name', 't.user_name')
    .selectAll('u')
    .where('t.token_digest', '=', digest)
    .where('t.revoked_at', 'is', null)
    .executeTakeFirst();
}
