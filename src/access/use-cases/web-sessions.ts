import { ClefError } from '../../errors/index.js';
import type { Store } from '../../store/index.js';
import { deleteWebSession, findWebSession, insertWebSession } from '../../store/access/session-queries.js';
import { findUser } from '../../store/access/user-queries.js';
import { principalOf, type Principal } from '../principal.js';
import { digestSecret, newSecret, verifyPassword } from '../secret-hash.js';

/** How long a web session lasts after login. */
export const sessionHours = 12;

/** A signed-in web session: the cookie value (secret) and the token its forms carry. */
export interface WebSession {
  readonly sessionId: string;
  readonly csrfToken: string;
  readonly principal: Principal;
}

/** Checks a user's password and opens a session; the same refusal for an unknown user and a wrong password. */
export async function logIn(store: Store, userName: string, password: string, now: Date): Promise<WebSession> {
  const user = await findUser(store.db, userName);
  const valid = user?.password_hash ? await verifyPassword(password, user.password_hash) : false;
  if (!user || !valid) throw new ClefError('CLEF_AUTH_CREDENTIALS_INVALID', 'user name or password is not valid');
  const sessionId = newSecret('sess');
  const csrfToken = newSecret('csrf');
  await insertWebSession(store.db, {
    session_digest: digestSecret(sessionId), user_name: user.user_name, csrf_token: csrfToken,
    created_at: now.toISOString(), expires_at: new Date(now.getTime() + sessionHours * 3_600_000).toISOString(),
  });
  return { sessionId, csrfToken, principal: principalOf(user) };
}

/** The session a cookie value names, if it is open at `now`. */
export async function findSession(store: Store, sessionId: string, now: Date): Promise<WebSession | undefined> {
  const found = await findWebSession(store.db, digestSecret(sessionId), now.toISOString());
  return found ? { sessionId, csrfToken: found.session.csrf_token, principal: principalOf(found.user) } : undefined;
}

/** Ends a session. */
export async function logOut(store: Store, sessionId: string): Promise<void> {
  await deleteWebSession(store.db, digestSecret(sessionId));
}
