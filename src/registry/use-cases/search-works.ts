import { identifyValue } from '../../identifiers/index.js';
import { addHeldKeys, findPostings, findStoredTerms, findTermsByVariants, findWorkIdsByIdentifier } from '../../store/registry/search-queries.js';
import { readWorkSearchRows } from '../../store/registry/searchable-work-queries.js';
import { searchableWorks, type WorkSearchIndex } from '../work-search-index.js';
import { nameKey, titleKey } from '../match-key.js';
import { termVariants } from '../search-keys.js';
import { searchScorer, type SearchQueryKeys } from '../search-score.js';
import { compareCandidates, planHits, planSearch, queryWords, standsFor, type QueryWord, type SearchPlan, type SearchSlot } from '../search-plan.js';
import { splitMergedWord, wordSplits } from '../merged-words.js';
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

/** Where search reads its vocabulary and postings: the index a long-running process keeps in memory, or the store. */
interface SearchSource {
  slots(words: readonly QueryWord[]): Promise<SearchSlot[]>;
  storedTerms(terms: readonly string[]): Promise<Set<string>>;
  candidates(plan: SearchPlan, limit: number): Promise<string[]>;
}

function memorySource(index: WorkSearchIndex): SearchSource {
  return {
    slots: async (words) => index.slots(words),
    storedTerms: async (terms) => index.storedTerms(terms),
    candidates: async (plan, limit) => index.candidates(plan, limit),
  };
}

function storeSource(context: Pick<RegistryContext, 'store'>): SearchSource {
  const db = context.store.db;
  return {
    async slots(words) {
      const formsOf = words.map((word) => new Set(word.typos ? termVariants(word.key) : [word.key]));
      const found = await findTermsByVariants(context.store, formsOf.flatMap((forms) => [...forms]));
      return words.map((word, i) => {
        const terms = new Map<string, number>();
        for (const { variant, term, works } of found) {
          if (formsOf[i]!.has(variant) && (word.typos ? standsFor(word.key, term) : term === word.key) && works > 0) terms.set(term, works);
        }
        return { word: word.key, terms: [...terms].map(([term, works]) => ({ term, works })) };
      });
    },
    storedTerms: (terms) => findStoredTerms(db, terms),
    async candidates(plan, limit) {
      const held = await findPostings(db, plan.read);
      // What the found works hold of the common terms only orders them: when all of them are candidates it changes nothing.
      if (held.size > limit && plan.read.length < plan.slotsOf.size) await addHeldKeys(db, held, [...plan.slotsOf.keys()]);
      return [...held]
        .map(([workId, terms]) => ({ workId, ...planHits(plan, terms) }))
        .sort(compareCandidates)
        .slice(0, limit)
        .map((candidate) => candidate.workId);
    },
  };
}

/**
 * The works holding the most query words, rarest terms first, and the keys to score them by: the query's, and when a
 * word stands for no stored term as written but its parts do (`rivermoon`, `song1d95`), the query with it split too.
 */
async function findCandidates(source: SearchSource, query: SearchQueryKeys): Promise<{ keys: SearchQueryKeys[]; candidates: string[] }> {
  let words = queryWords(query);
  let slots = await source.slots(words);
  const unknown = words.filter((word, i) => word.typos && !slots[i]!.terms.some(({ term }) => term === word.key)).map((word) => word.key);
  const keys = [query];
  if (unknown.length > 0) {
    const stored = await source.storedTerms(unknown.flatMap((word) => wordSplits(word).flat()));
    const split = new Map<string, string>();
    for (const word of unknown) {
      const parts = splitMergedWord(word, stored);
      if (parts) split.set(word, parts.join(' '));
    }
    if (split.size > 0) {
      const resplit = (key: string) => key.split(' ').map((word) => split.get(word) ?? word).join(' ');
      keys.push({ titleKey: titleKey(resplit(query.titleKey)), nameKey: nameKey(resplit(query.nameKey)) });
      const added = queryWords(keys[1]!).filter((word) => !words.some((known) => known.key === word.key));
      words = [...words, ...added];
      slots = [...slots, ...(await source.slots(added))];
    }
  }
  return { keys, candidates: await source.candidates(planSearch(slots), candidateLimit) };
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

  const { keys, candidates } = await findCandidates(index ? memorySource(index) : storeSource(context), { titleKey: titleKey(text), nameKey: nameKey(text) });
  const ids = [...new Set([...exact.keys(), ...candidates])];
  const works = index ? ids.flatMap((id) => index.work(id) ?? []) : searchableWorks(await readWorkSearchRows(db, ids));
  const scorers = keys.map(searchScorer);
  const hits: WorkSearchHit[] = works.map((work) => {
    const shown = { work_id: work.workId, iswc: work.iswc, title: work.title, creators: work.creators.map((creator) => creator.name) };
    if (exact.has(work.workId)) return { ...shown, score: 1, matched_by: exact.get(work.workId)! };
    const candidate = { titleKeys: work.titleKeys, creatorKeys: work.creators.map((creator) => creator.nameKey) };
    const scored = scorers.map((score) => score(candidate)).reduce((best, next) => (next.score > best.score ? next : best));
    return { ...shown, score: Math.round(scored.score * 1000) / 1000, matched_by: scored.matchedBy };
  });
  return hits
    .filter((hit) => hit.score >= 0.5)
    .sort((a, b) => b.score - a.score || a.work_id.localeCompare(b.work_id))
    .slice(0, limit);
}
