import type { Kysely } from 'kysely';
import type { ClefDatabase } from '../../store/index.js';
import { readShareResolutions } from '../../store/registry/counterclaim-queries.js';
import type { SharePicture } from '../consolidate-shares.js';
import { isRight, type Right } from '../right.js';
import { applyShareDecision, type ShareDecision } from '../share-decision.js';

/** A stored share resolution (`{"shares": {"PR": {"P00000004": 6000}}}`) as a decision. */
export function decisionOf(resolution: string): ShareDecision {
  const shares = (JSON.parse(resolution) as { shares?: Record<string, Record<string, number>> }).shares ?? {};
  return new Map(Object.entries(shares).filter(([right]) => isRight(right)).map(([right, parties]) => [right as Right, new Map(Object.entries(parties))]));
}

/**
 * The works' pictures with the counterclaims decided by shares applied, oldest decision first, so a picture derived
 * anew (an import, a merge, a later resolution) keeps what the CMO decided while the same parties contest.
 */
export async function withShareResolutions(db: Kysely<ClefDatabase>, pictures: ReadonlyMap<string, SharePicture>): Promise<Map<string, SharePicture>> {
  const decided = new Map(pictures);
  const disputed = [...pictures].filter(([, picture]) => picture.inDispute).map(([workId]) => workId);
  for (const { work_id, resolution } of await readShareResolutions(db, disputed)) decided.set(work_id, applyShareDecision(decided.get(work_id)!, decisionOf(resolution)));
  return decided;
}
