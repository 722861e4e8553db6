import type { Kysely } from 'kysely';
import type { ClefDatabase, UserTable } from '../schema.js';

/** Adds a user; the caller checks the name is free. */
export async function insertUser(db: Kysely<ClefDatabase>, user: UserTable): Promise<void> {
  await db.insertInto('users').values(user).execute();
}

/** Replaces a user's password hash. */
export async function updateUserPassword(db: Kysely<ClefDatabase>, userName: string, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('user_name', '=', userName).execute();
}

/** One user by name, or undefined. */
export async function findUser(db: Kysely<ClefDatabase>, userName: string): Promise<UserTable | undefined> {
  return db.selectFrom('users').selectAll().where('user_name', '=', userName).executeTakeFirst();
}

/** Every user, by name. */
export async function listUserRows(db: Kysely<ClefDatabase>): Promise<UserTable[]> {
  return db.selectFrom('users').selectAll().orderBy('user_name').execute();
}
