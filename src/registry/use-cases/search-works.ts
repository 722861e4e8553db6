import { identifyValue } from '../../identifiers/index.js';
import { readWorkCreators } from '../../store/registry/search-index-queries.js';
import { findTermsByVariants, findWorkIdsByIdentifier, findWorksBySearchKeys, readWorkTitles } from '../../store/registry/search-queries.js';
import { nameKey, titleKey } from '../match-key.js';
import { searchKeys, termVariants } from '../search-keys.js';
import { searchScore } from '../search-score.js';
import { wordEditDistance } from '../title-similarity.js';
import { ensureSearchIndex } from './rebuild-search-index.js';
import type { RegistryContext } from './registry-context.js';

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

/**
 * Postings read for one query at most once the two rarest query words are in: rare words find the work, and the
 * second word ranks the works of a common first word by how many query words they hold.
 */
const postingBudget = 20_000;

/** A query word with the stored terms it stands for (itself, or the words one typo away) and how many works hold them. */
interface Slot {
  readonly terms: string[];
  readonly works: number;
}

/** Each query word's terms in the vocabulary (typo-tolerant), with their document frequency. */
async function slotsOf(context: Pick<RegistryContext, 'store'>, keys: readonly string[]): Promise<Slot[]> {
  const db = context.store.db;
  const variants = keys.flatMap(termVariants);
  const found = await findTermsByVariants(db, variants);
  const termsOf = new Map(keys.map((key) => [key, new Set<string>()]));
  const formsOf = new Map(keys.map((key) => [key, new Set(termVariants(key))]));
  const counts = new Map<string, number>();
  for (const { variant, term, works } of found) {
    counts.set(term, works);
    for (const key of keys) if (formsOf.get(key)!.has(variant) && (term === key || wordEditDistance(key, term) <= 1)) termsOf.get(key)!.add(term);
  }
  return [...termsOf.values()]
    .map((terms) => ({ terms: [...terms], works: [...terms].reduce((sum, term) => sum + (counts.get(term) ?? 0), 0) }))
    .filter((slot) => slot.works > 0)
    .sort((a, b) => a.works - b.works);
}

/** The works holding the most query words, reading the rarest words' postings first and common ones only within the budget. */
async function titleAndCreatorCandidates(context: Pick<RegistryContext, 'store'>, keys: readonly string[]): Promise<string[]> {
  const slots = await slotsOf(context, keys);
  const chosen: string[] = [];
  let postings = 0;
  for (const [i, slot] of slots.entries()) {
    if (i > 1 && postings + slot.works > postingBudget) break;
    chosen.push(...slot.terms);
    postings += slot.works;
  }
  return findWorksBySearchKeys(context.store.db, chosen, candidateLimit);
}

/**
 * Finds works by ISWC, ISRC, IPI name number, a work number (Clef's or a society's), title (whole or in part, Chinese,
 * Japanese and Korean titles by any two neighbouring characters) or creator name (a surname alone will do), tolerant of
 * case, accents, punctuation, leading articles and a typo a word: best first, with each work's creators.
 */
export async function searchWorks(context: Pick<RegistryContext, 'store'>, query: string, limit = 10): Promise<WorkSearchHit[]> {
  const db = context.store.db;
  const text = query.trim();
  if (!text) return [];
  await ensureSearchIndex(context);
  const identified = identifyValue(text);
  const exactKind =
    identified.valid && identified.kind === 'iswc' ? 'iswc' : identified.valid && identified.kind === 'isrc' ? 'isrc' : identified.valid && identified.kind === 'ipiNameNumber' ? 'ipi' : undefined;
  const exact = new Map<string, string>();
  if (exactKind) for (const id of await findWorkIdsByIdentifier(db, exactKind, identified.normalized)) exact.set(id, exactKind);
  if (/^[A-Z0-9-]{3,20}$/i.test(text) && /\d/.test(text)) for (const id of await findWorkIdsByIdentifier(db, 'work_number', text.toUpperCase())) exact.set(id, 'work_number');

  const keys = { titleKey: titleKey(text), nameKey: nameKey(text) };
  const candidates = await titleAndCreatorCandidates(context, [...new Set([...searchKeys(keys.titleKey), ...searchKeys(keys.nameKey)])]);
  const ids = [...new Set([...exact.keys(), ...candidates])];
  const { works, alternates } = await readWorkTitles(db, ids);
  const creators = await readWorkCreators(db, ids);
  const titleKeysOf = new Map(works.map((work) => [work.work_id, [work.title_key]]));
  for (const alternate of alternates) titleKeysOf.get(alternate.work_id)?.push(alternate.title_key);
  const hits: WorkSearchHit[] = works.map((work) => {
    const workCreators = creators.get(work.work_id) ?? [];
    const shown = { work_id: work.work_id, iswc: work.iswc, title: work.title, creators: workCreators.map((creator) => creator.name) };
    if (exact.has(work.work_id)) return { ...shown, score: 1, matched_by: exact.get(work.work_id)! };
    const { score, matchedBy } = searchScore(keys, { titleKeys: titleKeysOf.get(work.work_id)!, creatorKeys: workCreators.map((creator) => creator.nameKey) });
    return { ...shown, score: Math.round(score * 1000) / 1000, matched_by: matchedBy };
  });
  return hits
    .filter((hit) => hit.score >= 0.5)
    .sort((a, b) => b.score - a.score || a.work_id.localeCompare(b.work_id))
    .slice(0, limit);
}
