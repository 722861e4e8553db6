import { identifyValue } from '../../identifiers/index.js';
import { findPartiesByTrigrams, findWorkIdsByIdentifier, findWorkIdsByParties, findWorksByTrigrams, readWorkTitles } from '../../store/registry/search-queries.js';
import { nameKey, titleKey } from '../match-key.js';
import { titleSimilarity } from '../title-similarity.js';
import { trigrams } from '../trigrams.js';
import type { RegistryContext } from './registry-context.js';

/** One search result: the work and how well it matches, 0 to 1. */
export interface WorkSearchHit {
  readonly work_id: string;
  readonly iswc: string | null;
  readonly title: string;
  readonly score: number;
  /** Why it was found: `iswc`, `isrc`, `ipi`, `work_number`, `title` or `creator`. */
  readonly matched_by: string;
}

const candidateLimit = 200;

/**
 * Finds works by ISWC, ISRC, IPI name number, a work number (Clef's or a society's), title or creator name,
 * tolerant of case, accents, punctuation, leading articles and typos: best first.
 */
export async function searchWorks(context: Pick<RegistryContext, 'store'>, query: string, limit = 10): Promise<WorkSearchHit[]> {
  const db = context.store.db;
  const text = query.trim();
  if (!text) return [];
  const identified = identifyValue(text);
  const exactKind =
    identified.valid && identified.kind === 'iswc' ? 'iswc' : identified.valid && identified.kind === 'isrc' ? 'isrc' : identified.valid && identified.kind === 'ipiNameNumber' ? 'ipi' : undefined;
  const exact = new Map<string, string>();
  if (exactKind) for (const id of await findWorkIdsByIdentifier(db, exactKind, identified.normalized)) exact.set(id, exactKind);
  if (/^[A-Z0-9-]{3,20}$/i.test(text) && /\d/.test(text)) for (const id of await findWorkIdsByIdentifier(db, 'work_number', text.toUpperCase())) exact.set(id, 'work_number');

  const key = titleKey(text);
  const titleCandidates = await findWorksByTrigrams(db, trigrams(key), candidateLimit);
  const creatorKey = nameKey(text);
  const partyIds = await findPartiesByTrigrams(db, trigrams(creatorKey), 20);
  const { parties } = await readPartyKeys(context, partyIds);
  const creatorScores = new Map<string, number>();
  const goodParties = parties.filter((party) => titleSimilarity(creatorKey, party.name_key) >= 0.8);
  for (const link of await findWorkIdsByParties(db, goodParties.map((p) => p.party_id), candidateLimit)) {
    const score = titleSimilarity(creatorKey, goodParties.find((p) => p.party_id === link.party_id)!.name_key) * 0.95;
    creatorScores.set(link.work_id, Math.max(creatorScores.get(link.work_id) ?? 0, score));
  }

  const ids = [...new Set([...exact.keys(), ...titleCandidates, ...creatorScores.keys()])];
  const { works, alternates } = await readWorkTitles(db, ids);
  const hits: WorkSearchHit[] = works.map((work) => {
    if (exact.has(work.work_id)) return { work_id: work.work_id, iswc: work.iswc, title: work.title, score: 1, matched_by: exact.get(work.work_id)! };
    const keys = [work.title_key, ...alternates.filter((a) => a.work_id === work.work_id).map((a) => a.title_key)];
    const titleScore = Math.max(...keys.map((k) => titleSimilarity(key, k)));
    const creatorScore = creatorScores.get(work.work_id) ?? 0;
    return {
      work_id: work.work_id,
      iswc: work.iswc,
      title: work.title,
      score: Math.round(Math.max(titleScore, creatorScore) * 1000) / 1000,
      matched_by: creatorScore > titleScore ? 'creator' : 'title',
    };
  });
  return hits
    .filter((hit) => hit.score >= 0.5)
    .sort((a, b) => b.score - a.score || a.work_id.localeCompare(b.work_id))
    .slice(0, limit);
}

async function readPartyKeys(context: Pick<RegistryContext, 'store'>, partyIds: readonly string[]) {
  if (partyIds.length === 0) return { parties: [] as { party_id: string; name_key: string }[] };
  const parties = await context.store.db.selectFrom('parties').select(['party_id', 'name_key']).where('party_id', 'in', [...partyIds]).execute();
  return { parties };
}
