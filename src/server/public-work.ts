import type { WorkView } from '../registry/use-cases/show-work.js';
import type { Principal } from '../access/principal.js';

/** True when the principal may see a work whole: staff, or a member whose party is on one of its registrations. */
export function seesWholeWork(principal: Principal, work: WorkView): boolean {
  if (principal.role === 'admin') return true;
  if (principal.role !== 'member' || !principal.partyId) return false;
  return work.registrations.some((r) => r.parties.some((p) => p.party_id === principal.partyId)) || work.shares.some((s) => s.party_id === principal.partyId);
}

/**
 * What anyone may see of a work: its identity, titles, creators and their roles, recordings, AI provenance and
 * whether it is in dispute. Registrations (submitters, agreements), shares, society numbers, evidence and the
 * history stay with staff and the work's own members.
 */
export function publicWork(work: WorkView) {
  const creators = new Map<string, { party_id: string; name: string; roles: Set<string> }>();
  for (const registration of work.registrations) {
    if (registration.status !== 'current') continue;
    for (const party of registration.parties) {
      const found = creators.get(party.party_id) ?? { party_id: party.party_id, name: party.name, roles: new Set<string>() };
      found.roles.add(party.role);
      creators.set(party.party_id, found);
    }
  }
  return {
    work_id: work.work_id,
    iswc: work.iswc,
    title: work.title,
    alternate_titles: work.alternate_titles,
    language: work.language,
    duration_s: work.duration_s,
    in_dispute: work.in_dispute,
    creators: [...creators.values()].map((c) => ({ party_id: c.party_id, name: c.name, roles: [...c.roles].sort() })),
    ai_provenance: { facets: work.ai_provenance.facets, fully_ai_generated: work.ai_provenance.fully_ai_generated, derived: work.ai_provenance.derived, human_contribution: work.ai_provenance.human_contribution },
    recordings: work.recordings.map((r) => ({ recording_id: r.recording_id, isrc: r.isrc, title: r.title, display_artist: r.display_artist, duration_s: r.duration_s, ai_provenance: r.ai_provenance })),
  };
}

/** The public view's type. */
export type PublicWork = ReturnType<typeof publicWork>;
