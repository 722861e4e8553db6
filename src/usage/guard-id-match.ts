import { titleSimilarity } from '../registry/title-similarity.js';

/** What a report says of the work an id names: normalized titles (resource, MW01) and creator name keys. */
export interface IdMatchEvidence {
  readonly titleKeys: readonly string[];
  readonly writerKeys: readonly string[];
}

/** What the registry says of the work: its normalized titles (original and alternate) and creator name keys. */
export interface WorkIdentity {
  readonly titleKeys: readonly string[];
  readonly creatorKeys: readonly string[];
}

/** Below this normalized title similarity an id match is set aside: ids are typed, copied and reused wrongly. */
export const idMatchTitleThreshold = 0.6;

/** Whether an id match may stand, or why it goes to the worklist instead. */
export type IdMatchGuard = { readonly ok: true } | { readonly ok: false; readonly reason: string };

/**
 * The title/creator guard on a match by a work number (society, proprietary or Clef id): the report's title must be
 * like one of the work's titles, and when the report names creators at least one must be a creator of the work.
 * ISRC and ISWC matches are not guarded: those identifiers are checked and global.
 */
export function guardIdMatch(evidence: IdMatchEvidence, work: WorkIdentity): IdMatchGuard {
  const titles = evidence.titleKeys.filter(Boolean);
  if (titles.length > 0) {
    let best = 0;
    for (const reported of titles) for (const known of work.titleKeys) best = Math.max(best, titleSimilarity(reported, known));
    if (best < idMatchTitleThreshold) return { ok: false, reason: `the report's title "${titles[0]}" is not like the work's "${work.titleKeys[0] ?? ''}"` };
  }
  const writers = evidence.writerKeys.filter(Boolean);
  if (writers.length > 0 && work.creatorKeys.length > 0 && !writers.some((key) => work.creatorKeys.includes(key))) {
    return { ok: false, reason: `none of the report's creators (${writers.join(', ')}) is a creator of the work` };
  }
  return { ok: true };
}
