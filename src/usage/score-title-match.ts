import { titleSimilarity } from '../registry/title-similarity.js';

/** A resource as title-and-artist matching sees it: the keys stored at ingestion. */
export interface TitleMatchResource {
  readonly titleKey: string;
  readonly artistKey: string;
  /** The writers' name keys, when the DSP gave them. */
  readonly writerKeys: readonly string[];
}

/** A candidate recording with its keys (one row per linked work). */
export interface TitleMatchCandidate {
  readonly recordingId: string;
  readonly isrc: string | null;
  readonly titleKey: string;
  readonly artistKey: string;
  readonly workId: string | null;
  /** The work's creator key (its creators' name keys, `;`-separated), when linked. */
  readonly creatorKey: string | null;
}

/** The chosen candidate and its confidence in basis points, or why none was chosen. */
export type TitleMatchResult =
  | { readonly kind: 'match'; readonly recordingId: string; readonly workId: string | null; readonly confidence: number }
  | { readonly kind: 'ambiguous'; readonly confidence: number }
  | { readonly kind: 'none' };

/** How strict title-and-artist matching is: the lowest combined score (0–1) accepted, and the lowest title score. */
export interface TitleMatchThresholds {
  readonly score: number;
  readonly title: number;
}

/** The defaults: a typo in a title passes, another song by the same artist does not. */
export const defaultTitleMatchThresholds: TitleMatchThresholds = { score: 0.9, title: 0.8 };

/** Letters in, spaces out: a typo can join or split words. */
function compact(key: string): string {
  return key.replaceAll(' ', '');
}

/** True when two texts are at most one edit apart (insertion, deletion, substitution or swap of neighbours). */
function withinOneEdit(a: string, b: string): boolean {
  if (a === b) return true;
  if (Math.abs(a.length - b.length) > 1) return false;
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1) || (a[i] === b[i + 1] && a[i + 1] === b[i] && a.slice(i + 2) === b.slice(i + 2));
  return a.length > b.length ? a.slice(i + 1) === b.slice(i) : a.slice(i) === b.slice(i + 1);
}

/** The score a one-letter typo gets when the artist is the same: above the default threshold, below an exact title. */
const oneEditScore = 0.95;

function writerAgreement(resource: TitleMatchResource, candidate: TitleMatchCandidate): number | undefined {
  if (resource.writerKeys.length === 0 || !candidate.creatorKey) return undefined;
  const creators = new Set(candidate.creatorKey.split(';').filter(Boolean));
  if (creators.size === 0) return undefined;
  return resource.writerKeys.filter((key) => creators.has(key)).length / resource.writerKeys.length;
}

/**
 * Scores a resource against candidate recordings by normalized title and main artist (and writers where both
 * sides name them) and picks the best above the thresholds; a title one letter off (typo, joined words) by the
 * same artist counts as similar enough. Two different recordings with the best score are
 * ambiguous: matching does not guess. Candidates are considered in recording-id order, so the result does not
 * depend on the order the store returned them.
 */
export function scoreTitleMatch(
  resource: TitleMatchResource,
  candidates: readonly TitleMatchCandidate[],
  thresholds: TitleMatchThresholds = defaultTitleMatchThresholds,
): TitleMatchResult {
  const scored = new Map<string, { score: number; workIds: Set<string> }>();
  for (const candidate of candidates) {
    if (candidate.artistKey !== resource.artistKey && candidate.titleKey !== resource.titleKey) continue;
    const title = titleSimilarity(resource.titleKey, candidate.titleKey);
    const typo = resource.artistKey !== '' && candidate.artistKey === resource.artistKey && compact(resource.titleKey).length >= 3 && withinOneEdit(compact(resource.titleKey), compact(candidate.titleKey));
    if (title < thresholds.title && !typo) continue;
    const artist = resource.artistKey === '' ? 0 : titleSimilarity(resource.artistKey, candidate.artistKey);
    const writers = writerAgreement(resource, candidate);
    const similar = writers === undefined ? 0.7 * title + 0.3 * artist : 0.6 * title + 0.25 * artist + 0.15 * writers;
    const score = typo && title < 1 ? Math.max(similar, oneEditScore) : similar;
    if (score < thresholds.score) continue;
    const entry = scored.get(candidate.recordingId);
    if (!entry) scored.set(candidate.recordingId, { score, workIds: new Set(candidate.workId ? [candidate.workId] : []) });
    else {
      entry.score = Math.max(entry.score, score);
      if (candidate.workId) entry.workIds.add(candidate.workId);
    }
  }
  let best: { recordingId: string; score: number; workIds: Set<string> } | undefined;
  let tie = false;
  for (const recordingId of [...scored.keys()].sort()) {
    const entry = scored.get(recordingId)!;
    if (!best || entry.score > best.score) {
      best = { recordingId, ...entry };
      tie = false;
    } else if (entry.score === best.score) tie = true;
  }
  if (!best) return { kind: 'none' };
  const confidence = Math.round(best.score * 10000);
  if (tie) return { kind: 'ambiguous', confidence };
  const works = [...best.workIds].sort();
  return { kind: 'match', recordingId: best.recordingId, workId: works.length === 1 ? works[0] : null, confidence };
}
