import { findWorkIdsByParties } from '../../store/registry/registration-queries.js';
import { readWorkTitles } from '../../store/registry/search-queries.js';
import type { RegistryContext } from './registry-context.js';

/** A work a party is registered on. */
export interface PartyWork {
  readonly work_id: string;
  readonly iswc: string | null;
  readonly title: string;
}

/** The works a party (a member) is registered on, by title, at most `limit`. */
export async function listPartyWorks(context: Pick<RegistryContext, 'store'>, partyId: string, limit = 500): Promise<PartyWork[]> {
  const links = await findWorkIdsByParties(context.store.db, [partyId], limit);
  const { works } = await readWorkTitles(context.store.db, [...new Set(links.map((l) => l.work_id))]);
  return works.map((w) => ({ work_id: w.work_id, iswc: w.iswc, title: w.title })).sort((a, b) => a.title.localeCompare(b.title));
}
