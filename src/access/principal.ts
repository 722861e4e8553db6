import type { UserTable } from '../store/index.js';

/** The roles a user can have; anonymous callers are `public`. */
export const roles = ['admin', 'member', 'licensee', 'dsp'] as const;
export type Role = (typeof roles)[number];

/** Who is calling: a signed-in user with the records its role is bound to, or the anonymous public. */
export type Principal =
  | { readonly role: 'public' }
  | { readonly role: Role; readonly userName: string; readonly partyId: string | null; readonly licenseeId: string | null; readonly dpid: string | null };

/** The anonymous caller. */
export const publicPrincipal: Principal = { role: 'public' };

/** The principal a stored user acts as. */
export function principalOf(user: UserTable): Principal {
  return { role: user.role as Role, userName: user.user_name, partyId: user.party_id, licenseeId: user.licensee_id, dpid: user.dpid };
}

/** True when `role` is one of the roles a user can have. */
export function isRole(role: string): role is Role {
  return (roles as readonly string[]).includes(role);
}
