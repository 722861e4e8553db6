import { ClefError } from '../errors/index.js';
import type { Principal, Role } from './principal.js';

/** A signed-in principal (any role but public). */
export type SignedIn = Exclude<Principal, { role: 'public' }>;

/** Refuses the anonymous public (401) and roles not listed (403); returns the signed-in principal. */
export function requireRole(principal: Principal, ...allowed: Role[]): SignedIn {
  if (principal.role === 'public') throw new ClefError('CLEF_AUTH_REQUIRED', 'sign in or send Authorization: Bearer TOKEN');
  if (!allowed.includes(principal.role)) throw new ClefError('CLEF_AUTH_FORBIDDEN', `a ${principal.role} user may not do this`);
  return principal;
}

/** Lets staff reach any party's records and a member only its own party's; others are refused. */
export function requireParty(principal: Principal, partyId: string): SignedIn {
  const user = requireRole(principal, 'admin', 'member');
  if (user.role === 'member' && user.partyId !== partyId) throw new ClefError('CLEF_AUTH_FORBIDDEN', 'a member sees only its own records');
  return user;
}

/** Lets staff reach any DSP's reports and a DSP user only its own. */
export function requireDsp(principal: Principal, dpid: string): SignedIn {
  const user = requireRole(principal, 'admin', 'dsp');
  if (user.role === 'dsp' && user.dpid !== dpid) throw new ClefError('CLEF_AUTH_FORBIDDEN', 'a DSP sees only its own reports');
  return user;
}

/** Lets staff reach any licensee's records and a licensee user only its own. */
export function requireLicensee(principal: Principal, licenseeId: string): SignedIn {
  const user = requireRole(principal, 'admin', 'licensee');
  if (user.role === 'licensee' && user.licenseeId !== licenseeId) throw new ClefError('CLEF_AUTH_FORBIDDEN', 'a licensee sees only its own licences and audits');
  return user;
}
