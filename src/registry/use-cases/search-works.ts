import { identifyValue } from '../../identifiers/index.js';
import { findTermsByVariants, findWorkIdsByIdentifier, findWorksBySearchKeys } from '../../store/registry/search-queries.js';
import { readWorkSearchRows } from '../../store/registry/searchable-work-queries.js';
import { searchableWorks } from '../work-search-index.js';
import { nameKey, titleKey } from '../match-key.js';
import { searchKeys, termVariants } from '../search-keys.js';
import { searchScorer } from '../search-score.js';
import { chooseSearchTerms, standsFor, type SearchSlot } from '../choose-search-terms.js';
import { ensureSearchIndex } from './rebuild-search-index.js';
import type { RegistryContext } from './registry-context.js';
import type { LiveSearchIndex } from './live-search-index.js';

/** What a search needs: the store, and in a long-running process the index it keeps in memory. */
export type SearchContext = Pick<RegistryContext, 'store'> & { readonly searchIndex?: LiveSearchIndex };

/** One search result: the work, its creators and how well it matches, 0 to 1. */
export interface WorkSearchHit {
  readonly work_id: string;
  readonly iswc: string | null;
  readonly title: string;
  readonly score: number;
  /** The writers of its current registrations, as registered. */
  readonly creators: readonly string[];
  /** Why it was found: `iswc`, `isrc`, `ipi`, `work_number`, `title` or `creator`. */
  readonly matched_by: string;
}

const candidateLimit = 100;

/** Each query word's terms in the store's vocabulary (typo-tolerant), with their document frequency. */
async function slotsOf(context: Pick<RegistryContext, 'store'>, keys: readonly string[]): Promise<SearchSlot[]> {
  const found = await findTermsByVariants(context.store.db, keys.flatMap(termVariants));
  const termsOf = new Map(keys.map((key) => [key, new Set<string>()]));
  const formsOf = new Map(keys.map((key) => [key, new Set(termVariants(key))]));
  const counts = new Map<string, number>();
  for (const { variant, term, works } of found) {
    counts.set(term, works);
    for (const key of keys) if (formsOf.get(key)!.has(variant) && standsFor(key, term)) termsOf.get(key)!.add(term);
  }
  return [...termsOf.values()].map((terms) => ({ terms: [...terms], works: [...terms].reduce((sum, term) => sum + (counts.get(term) ?? 0), 0) }));
}

/** The works holding the most query words, from the store. */
async function titleAndCreatorCandidates(context: Pick<RegistryContext, 'store'>, keys: readonly string[]): Promise<string[]> {
  return findWorksBySearchKeys(context.store.db, chooseSearchTerms(await slotsOf(context, keys)), candidateLimit);
}

/**
 * Finds works by ISWC, ISRC, IPI name number, a work number (Clef's or a society's), title (whole or in part, Chinese,
 * Japanese and Korean titles by any two neighbouring characters) or creator name (a surname alone will do), tolerant of
 * case, accents, punctuation, leading articles and a typo a word: best first, with each work's creators.
 */
export async function searchWorks(context: SearchContext, query: string, limit = 10): Promise<WorkSearchHit[]> {
  const db = context.store.db;
  const text = query.trim();
  if (!text) return [];
  const index = await context.searchIndex?.current();
  if (!index) await ensureSearchIndex(context);
  const identified = identifyValue(text);
  const exactKind =
    identified.valid && identified.kind === 'iswc' ? 'iswc' : identified.valid && identified.kind === 'isrc' ? 'isrc' : identified.valid && identified.kind === 'ipiNameNumber' ? 'ipi' : undefined;
  const exact = new Map<string, string>();
  if (exactKind) for (const id of await findWorkIdsByIdentifier(db, exactKind, identified.normalized)) exact.set(id, exactKind);
  if (/^[A-Z0-9-]{3,20}$/i.test(text) && /\d/.test(text)) for (const id of await findWorkIdsByIdentifier(db, 'work_number', text.toUpperCase())) exact.set(id, 'work_number');

  const keys = { titleKey: titleKey(text), nameKey: nameKey(text) };
  const queryKeys = [...new Set([...searchKeys(keys.titleKey), ...searchKeys(keys.nameKey)])];
  const candidates = index ? index.candidates(queryKeys, candidateLimit) : await titleAndCreatorCandidates(context, queryKeys);
  const ids = [...new Set([...exact.keys(), ...candidates])];
  const works = index ? ids.flatMap((id) => index.work(id) ?? []) : searchableWorks(await readWorkSearchRows(db, ids));
  const score = searchScorer(keys);
  const hits: WorkSearchHit[] = works.map((work) => {
    const shown = { work_id: work.workId, iswc: work.iswc, title: work.title, creators: work.creators.map((creator) => creator.name) };
    if (exact.has(work.workId)) return { ...shown, score: 1, matched_by: exact.get(work.workId)! };
    const scored = score({ titleKeys: work.titleKeys, creatorKeys: work.creators.map((creator) => creator.nameKey) });
    return { ...shown, score: Math.round(scored.score * 1000) / 1000, matched_by: scored.matchedBy };
  });
  return hits
    .filter((hit) => hit.score >= 0.5)
    .sort((a, b) => b.score - a.score || a.work_id.localeCompare(b.work_id))
    .slice(0, limit);
}
