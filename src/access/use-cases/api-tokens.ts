import { ClefError } from '../../errors/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { appendHistory, inTransaction, type Store } from '../../store/index.js';
import { findUserByTokenDigest, insertApiToken } from '../../store/access/token-queries.js';
import { findUser } from '../../store/access/user-queries.js';
import { principalOf, type Principal } from '../principal.js';
import { digestSecret, newSecret } from '../secret-hash.js';

/** Makes an API token for a user and returns its text: shown once, only its digest is kept. */
export async function createApiToken(context: RegistryContext, userName: string): Promise<{ token: string; prefix: string }> {
  const token = newSecret('clef');
  const prefix = token.slice(0, 12);
  await inTransaction(context.store.db, async (db) => {
    if (!(await findUser(db, userName))) throw new ClefError('CLEF_NOT_FOUND', `no user ${userName} (see clef users add)`, { value: userName });
    await insertApiToken(db, { token_digest: digestSecret(token), user_name: userName, prefix, created_at: context.clock(), revoked_at: null });
    await appendHistory(db, [{ actor: context.actor, at: context.clock(), entityKind: 'user', entityId: userName, action: 'create-token', detail: { prefix } }]);
  });
  return { token, prefix };
}

/** The principal an API token stands for; an unknown or revoked token is refused. */
export async function authenticateToken(store: Store, token: string): Promise<Principal> {
  const user = await findUserByTokenDigest(store.db, digestSecret(token));
  if (!user) throw new ClefError('CLEF_AUTH_CREDENTIALS_INVALID', 'the API token is not valid');
  return principalOf(user);
}
