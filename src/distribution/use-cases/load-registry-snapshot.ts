import type { Kysely } from 'kysely';
import { isRight, type Right } from '../../registry/right.js';
import { parseTerritoryChain } from '../../registry/use-cases/territory-chain-text.js';
import { readPayeeRows, readWorkShares, readWorkSharesOfReports } from '../../store/distribution/registry-snapshot-queries.js';
import type { ClefDatabase } from '../../store/index.js';
import type { RegistrySnapshot, WorkFacts } from '../distribution-input.js';

function rightsOf(text: string): Right[] {
  return text.split(/[;,\s]+/).filter(isRight);
}

/**
 * Reads the registry rows a run needs as plain data: the shares of the works the reports' resources were matched
 * to (only the given works when `workIds` is not null), members, sister societies and affiliations.
 */
export async function loadRegistrySnapshot(db: Kysely<ClefDatabase>, reportIds: readonly bigint[], workIds: readonly string[] | null): Promise<RegistrySnapshot> {
  const wanted = workIds === null ? null : new Set(workIds);
  const read = wanted?.size === 0 ? { works: [], shares: [] } : await readWorkSharesOfReports(db, reportIds);
  const works = wanted === null ? read.works : read.works.filter((w) => wanted.has(w.work_id));
  const shares = wanted === null ? read.shares : read.shares.filter((s) => wanted.has(s.work_id));
  return snapshotOf(db, works, shares);
}

type ShareRows = Awaited<ReturnType<typeof readWorkShares>>;

async function snapshotOf(db: Kysely<ClefDatabase>, works: ShareRows['works'], shares: ShareRows['shares']): Promise<RegistrySnapshot> {
  const facts = new Map<string, WorkFacts & { shares: WorkFacts['shares'][number][] }>();
  for (const work of works) facts.set(work.work_id, { workId: work.work_id, fullyAiGenerated: Boolean(work.fully_ai_generated), shares: [] });
  for (const share of shares) {
    if (!isRight(share.right_code)) continue;
    facts.get(share.work_id)?.shares.push({ right: share.right_code, territories: parseTerritoryChain(share.territory), partyId: share.party_id, collectionBasisPoints: Number(share.collection_bp) });
  }
  const payees = await readPayeeRows(db);
  return {
    works: facts,
    members: payees.members.map((m) => ({
      id: m.member_id,
      partyId: m.party_id,
      rights: rightsOf(m.rights),
      territories: parseTerritoryChain(m.territories),
      startDate: m.start_date,
      ...(m.end_date ? { endDate: m.end_date } : {}),
    })),
    sisters: payees.sisters.map((s) => ({ societyCode: s.society_code, rights: rightsOf(s.rights), territories: parseTerritoryChain(s.territories) })),
    affiliations: payees.affiliations.filter((a) => isRight(a.right_code)).map((a) => ({ partyId: a.party_id, right: a.right_code as Right, societyCode: a.society_code })),
  };
}

/** The registry rows a run over the given works needs (an AI remuneration run names its works itself). */
export async function loadWorksSnapshot(db: Kysely<ClefDatabase>, workIds: readonly string[]): Promise<RegistrySnapshot> {
  const read = await readWorkShares(db, [...new Set(workIds)].sort());
  return snapshotOf(db, read.works, read.shares);
}
