import type { SharePicture } from './consolidate-shares.js';
import type { RegistryPolicy } from './registry-policy.js';

/** An open counterclaim as the registry holds it. */
export interface OpenCounterclaim {
  readonly id: string;
  readonly workId: string;
  readonly registrationIds: readonly string[];
}

/** What a work's new share picture does to its counterclaims: the registrations of one to open, the ids of those to close. */
export interface CounterclaimPlan {
  readonly open?: readonly string[];
  readonly close: readonly string[];
}

/** The registrations whose shares are contested in a picture, in id order. */
export function contestedRegistrations(picture: SharePicture): string[] {
  const ids = new Set<string>();
  for (const cell of picture.cells) for (const claim of cell.claims) if (claim.contested) for (const value of claim.values) ids.add(value.registrationId);
  return [...ids].sort();
}

/**
 * Keeps a work's counterclaims in step with its share picture: a conflict between the same registrations stays the
 * same counterclaim; a conflict that is gone closes it; a different one closes it and opens another.
 */
export function planCounterclaims(picture: SharePicture, open: readonly OpenCounterclaim[]): CounterclaimPlan {
  const contested = contestedRegistrations(picture);
  const key = contested.join(' ');
  if (contested.length > 0 && open.some((c) => [...c.registrationIds].sort().join(' ') === key)) {
    return { close: open.filter((c) => [...c.registrationIds].sort().join(' ') !== key).map((c) => c.id) };
  }
  return { open: contested.length > 0 ? contested : undefined, close: open.map((c) => c.id) };
}

/** The day a counterclaim opened at `openedAt` (ISO timestamp) should be resolved by, by policy. */
export function counterclaimDeadline(openedAt: string, policy: RegistryPolicy): string {
  const day = new Date(`${openedAt.slice(0, 10)}T00:00:00Z`);
  day.setUTCDate(day.getUTCDate() + policy.disputeDeadlineDays);
  return day.toISOString().slice(0, 10);
}
