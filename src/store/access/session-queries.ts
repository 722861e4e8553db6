import type { Kysely } from 'kysely';
import type { ClefDatabase, UserTable, WebSessionTable } from '../schema.js';

/** Records a web session's digest. */
export async function insertWebSession(db: Kysely<ClefDatabase>, session: WebSessionTable): Promise<void> {
  await db.insertInto('web_sessions').values(session).execute();
}

/** A session not expired at `now` with its user, or undefined. */
export async function findWebSession(db: Kysely<ClefDatabase>, digest: string, now: string): Promise<{ session: WebSessionTable; user: UserTable } | undefined> {
  const session = await db.selectFrom('web_sessions').selectAll().where('session_digest', '=', digest).where('expires_at', '>', now).executeTakeFirst();
  if (!session) return undefined;
  const user = await db.selectFrom('users').selectAll().where('user_name', '=', session.user_name).executeTakeFirst();
  return user ? { session, user } : undefined;
}

/** Ends a session. */
export async function deleteWebSession(db: Kysely<ClefDatabase>, digest: string): Promise<void> {
  await db.deleteFrom('web_sessions').where('session_digest', '=', digest).execute();
}
