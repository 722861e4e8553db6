import type { Kysely } from 'kysely';
import { loadSocietyTable } from '../../lookups/index.js';
import type { ClefDatabase } from '../../store/index.js';
import { readEarlierResourceWorks, readExistingWorkIds, readOwnNames, readSocietyWorkNumbers, readWorkIdentities } from '../../store/usage/work-number-queries.js';
import { guardIdMatch, type IdMatchEvidence } from '../guard-id-match.js';
import { parseWorkNumber, scopeOfWorkNumber, type NamespaceContext, type WorkNumber } from '../work-number-scope.js';

/** A resource (or a medley part) to identify by the work numbers its report gives. */
export interface WorkNumberRequest {
  readonly senderDpid: string;
  readonly numbers: readonly string[];
  readonly evidence: IdMatchEvidence;
}

/** What the numbers say: one work, one work the guard set aside (with why), several works, or none. */
export type WorkNumberMatch =
  | { readonly kind: 'work'; readonly workId: string }
  | { readonly kind: 'guarded'; readonly workId: string; readonly reason: string }
  | { readonly kind: 'ambiguous' }
  | { readonly kind: 'none' };

function addTo(map: Map<string, Set<string>>, key: string, workId: string): void {
  map.set(key, (map.get(key) ?? new Set()).add(workId));
}

/**
 * Identifies works by number, each number only within its namespace: the CMO's own numbers (Clef work ids, its
 * society's numbers), another society's numbers with that society's code, a DSP's own ids only through what that
 * DSP's resources in other reports were identified as (never by their value alone). A single work found must pass
 * the title/creator guard; several are ambiguous. `otherThan` are the reports being matched, left out of "earlier".
 */
export async function resolveWorkNumbers(db: Kysely<ClefDatabase>, requests: readonly WorkNumberRequest[], otherThan: readonly bigint[]): Promise<WorkNumberMatch[]> {
  if (requests.length === 0) return [];
  const senders = [...new Set(requests.map((r) => r.senderDpid))];
  const own = await readOwnNames(db, senders);
  const context: NamespaceContext = {
    ownNames: new Set(['clef', ...[own.name, own.societyCode, ...own.controllers].filter((n): n is string => Boolean(n)).map((n) => n.toLowerCase())]),
    ownSocietyCode: own.societyCode,
    societies: loadSocietyTable(),
  };
  const parsed = requests.map((r) => r.numbers.map(parseWorkNumber).map((number) => ({ number, scope: scopeOfWorkNumber(number, context) })));
  const all = parsed.flat();
  const values = all.filter((n) => n.scope.kind === 'own' || n.scope.kind === 'society').map((n) => n.number.value);
  const [societyNumbers, clefIds, earlier] = await Promise.all([
    readSocietyWorkNumbers(db, values),
    readExistingWorkIds(db, all.filter((n) => n.scope.kind === 'own').map((n) => n.number.value)),
    readEarlierResourceWorks(db, all.some((n) => n.scope.kind === 'dsp') ? senders : [], otherThan),
  ]);
  const bySocietyNumber = new Map<string, Set<string>>();
  for (const row of societyNumbers) addTo(bySocietyNumber, `${row.society_code}|${row.work_number}`, row.work_id);
  const byEarlier = new Map<string, Set<string>>();
  for (const row of earlier) for (const text of (row.work_numbers ?? '').split('|')) addTo(byEarlier, `${row.sender_dpid}|${text}`, row.work_id!);

  const worksOf = (sender: string, { number, scope }: { number: WorkNumber; scope: ReturnType<typeof scopeOfWorkNumber> }): string[] => {
    if (scope.kind === 'own') return [...(clefIds.has(number.value) ? [number.value] : []), ...(own.societyCode ? bySocietyNumber.get(`${own.societyCode}|${number.value}`) ?? [] : [])];
    if (scope.kind === 'society') return [...(bySocietyNumber.get(`${scope.societyCode}|${number.value}`) ?? [])];
    if (scope.kind === 'dsp') return [...(byEarlier.get(`${sender}|${number.text}`) ?? [])];
    return [];
  };
  const candidates = parsed.map((numbers, i) => [...new Set(numbers.flatMap((n) => worksOf(requests[i].senderDpid, n)))].sort());
  const identities = await readWorkIdentities(db, candidates.filter((ids) => ids.length === 1).map((ids) => ids[0]));
  return candidates.map((ids, i): WorkNumberMatch => {
    if (ids.length === 0) return { kind: 'none' };
    if (ids.length > 1) return { kind: 'ambiguous' };
    const guard = guardIdMatch(requests[i].evidence, identities.get(ids[0]) ?? { titleKeys: [], creatorKeys: [] });
    return guard.ok ? { kind: 'work', workId: ids[0] } : { kind: 'guarded', workId: ids[0], reason: guard.reason };
  });
}
