import { ClefError } from '../../errors/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { showMember } from '../../registry/use-cases/members.js';
import { appendHistory, inTransaction, type UserTable } from '../../store/index.js';
import { findUser, insertUser, listUserRows, updateUserPassword } from '../../store/access/user-queries.js';
import { findDsp } from '../../store/usage/dsp-queries.js';
import { isRole } from '../principal.js';
import { hashPassword } from '../secret-hash.js';

/** A user to add: its role and what the role is bound to. */
export interface UserInput {
  readonly name: string;
  readonly role: string;
  /** A member's party: party id, member id or IPI name number. */
  readonly party?: string;
  readonly licensee?: string;
  readonly dsp?: string;
  readonly password?: string;
}

/** A user as `clef users list` and the API show it (never the password hash). */
export interface UserView {
  readonly name: string;
  readonly role: string;
  readonly party_id: string | null;
  readonly licensee_id: string | null;
  readonly dpid: string | null;
  readonly has_password: boolean;
  readonly created_at: string;
}

function view(user: UserTable): UserView {
  return { name: user.user_name, role: user.role, party_id: user.party_id, licensee_id: user.licensee_id, dpid: user.dpid, has_password: user.password_hash !== null, created_at: user.created_at };
}

const invalid = (message: string, field: string) => new ClefError('CLEF_AUTH_USER_INVALID', message, { field });

/** Adds a user after checking its role's binding names a real member party or DSP; recorded in the history. */
export async function addUser(context: RegistryContext, input: UserInput): Promise<UserView> {
  const name = input.name.trim();
  if (!/^[\p{L}\p{N}._@-]{1,64}$/u.test(name)) throw invalid(`user name ${JSON.stringify(input.name)} must be 1 to 64 letters, digits or . _ @ -`, 'name');
  if (!isRole(input.role)) throw invalid(`unknown role ${input.role}: give admin, member, licensee or dsp`, '--role');
  let partyId: string | null = null;
  if (input.role === 'member') {
    if (!input.party) throw invalid('a member user needs --party IPI|PARTY_ID', '--party');
    partyId = (await showMember(context, input.party).catch(() => { throw invalid(`no member ${input.party}`, '--party'); })).party_id;
  }
  if (input.role === 'licensee' && !input.licensee) throw invalid('a licensee user needs --licensee ID', '--licensee');
  if (input.role === 'dsp') {
    if (!input.dsp) throw invalid('a dsp user needs --dsp DPID', '--dsp');
    if (!(await findDsp(context.store.db, input.dsp))) throw invalid(`no DSP ${input.dsp} (see clef dsps list)`, '--dsp');
  }
  const user: UserTable = {
    user_name: name, role: input.role, party_id: partyId, licensee_id: input.role === 'licensee' ? input.licensee! : null,
    dpid: input.role === 'dsp' ? input.dsp! : null, password_hash: input.password ? await hashPassword(input.password) : null,
    created_at: context.clock(), actor: context.actor,
  };
  await inTransaction(context.store.db, async (db) => {
    if (await findUser(db, name)) throw invalid(`user ${name} exists already`, 'name');
    await insertUser(db, user);
    await appendHistory(db, [{ actor: context.actor, at: user.created_at, entityKind: 'user', entityId: name, action: 'add-user', detail: { role: user.role, party_id: partyId, licensee_id: user.licensee_id, dpid: user.dpid } }]);
  });
  return view(user);
}

/** Sets a user's web password (scrypt hash); recorded in the history without the password. */
export async function setUserPassword(context: RegistryContext, name: string, password: string): Promise<void> {
  if (password.length < 8) throw invalid('a password needs at least 8 characters', 'password');
  const hash = await hashPassword(password);
  await inTransaction(context.store.db, async (db) => {
    if (!(await findUser(db, name))) throw new ClefError('CLEF_NOT_FOUND', `no user ${name}`, { value: name });
    await updateUserPassword(db, name, hash);
    await appendHistory(db, [{ actor: context.actor, at: context.clock(), entityKind: 'user', entityId: name, action: 'set-password', detail: {} }]);
  });
}

/** Every user. */
export async function listUsers(context: Pick<RegistryContext, 'store'>): Promise<UserView[]> {
  return (await listUserRows(context.store.db)).map(view);
}
