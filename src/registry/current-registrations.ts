import type { Registration, Submitter } from './registration.js';

/** The registrations in force and the ones later registrations revised. */
export interface CurrentRegistrations {
  readonly current: readonly Registration[];
  /** Revised registrations, kept for history and never counted. */
  readonly superseded: readonly Registration[];
}

/** What makes two registrations the same claim: the submitter and its own work number. */
export function revisionKey(registration: Pick<Registration, 'submitter' | 'submitterWorkNumber'>): string {
  return `${submitterKey(registration.submitter)}|${registration.submitterWorkNumber}`;
}

function submitterKey(submitter: Submitter): string {
  if (submitter.kind === 'member') return `member:${submitter.partyId}`;
  if (submitter.kind === 'sister') return `sister:${submitter.societyCode}`;
  return 'cmo';
}

/**
 * Keeps, per submitter and submitter work number, the latest registration (by `receivedAt`, then input order):
 * a later registration revises the earlier one. Registrations of different submitters are all kept.
 */
export function currentRegistrations(registrations: readonly Registration[]): CurrentRegistrations {
  if (registrations.length < 2) return { current: registrations, superseded: [] };
  const latest = new Map<string, Registration>();
  const superseded: Registration[] = [];
  for (const registration of registrations) {
    const key = revisionKey(registration);
    const previous = latest.get(key);
    if (previous === undefined) latest.set(key, registration);
    else if (registration.receivedAt >= previous.receivedAt) {
      superseded.push(previous);
      latest.set(key, registration);
    } else superseded.push(registration);
  }
  return { current: [...latest.values()], superseded };
}
