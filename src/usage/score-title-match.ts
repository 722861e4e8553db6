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

function writerAgreement(resource: TitleMatchResource, candidate: TitleMatchCandidate): number | undefined {
  if (resource.writerKeys.length === 0 || !candidate.creatorKey) return undefined;
  const creators = new Set(candidate.creatorKey.split(';').filter(Boolean));
  if (creators.size === 0) return undefined;
  return resource.writerKeys.filter((key) => creators.has(key)).length / resource.writerKeys.length;
}

/**
 * Scores a resource against candidate recordings by normalized title and main artist (and writers where both
 * sides name them) and picks the best above the thresholds. Two different recordings with the best score are
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
    if (title < thresholds.title) continue;
    const artist = resource.artistKey === '' ? 0 : titleSimilarity(resource.artistKey, candidate.artistKey);
    const writers = writerAgreement(resource, candidate);
    const score = writers === undefined ? 0.7 * title + 0.3 * artist : 0.6 * title + 0.25 * artist + 0.15 * writers;
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
