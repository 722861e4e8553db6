import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTerritoryResolver, loadLookups } from '../../src/lookups/index.js';
import { allocatePoolTargets } from '../../src/distribution/allocate-pool.js';
import type { AiGeneratedTreatment, PoolRules } from '../../src/distribution/distribution-policy.js';
import type { PoolInput, RegistrySnapshot } from '../../src/distribution/distribution-input.js';
import type { PoolTargets } from '../../src/distribution/pool-targets.js';
import { valuePoolLines } from '../../src/distribution/value-pool-lines.js';
import { readStoredPoolLines } from '../../src/distribution/use-cases/build-report-pools.js';
import type { StoredPoolLines } from '../../src/distribution/use-cases/pool-sources.js';
import { readReportWorkIndex } from '../../src/distribution/use-cases/read-report-lines.js';
import { valueStoredPool } from '../../src/distribution/use-cases/value-stored-pool.js';
import { divideSummaryLines } from '../../src/store/distribution/summary-division-queries.js';
import type { ClefDatabase, Store } from '../../src/store/index.js';
import { describeEachEngine, test } from '../support/engines.js';

const resolve = createTerritoryResolver(loadLookups().territories);
const workIds = ['W0', 'W1', 'W2', 'W3'];
const resourceIds = ['R1', 'R2', 'R3', 'R4', ''];
// Transaction ids whose keys tie, repeat, embed the separators or sort differently by code point than by locale.
const transactionIds = ['a', 'A', 'a b', 'a#1', 'a/b', 'b', 'é', 'Z', '0'];

type ResourceMatch = { readonly kind: 'unmatched' } | { readonly kind: 'recording'; readonly recordingId: string; readonly works: string[] } | { readonly kind: 'medley'; readonly recordingId: string; readonly parts: (string | null)[] } | { readonly kind: 'work'; readonly workId: string };

const resourceMatchArb: fc.Arbitrary<ResourceMatch> = fc.oneof(
  fc.constant({ kind: 'unmatched' as const }),
  fc.record({ kind: fc.constant('recording' as const), recordingId: fc.constantFrom('REC1', 'REC2'), works: fc.subarray(workIds) }),
  fc.record({ kind: fc.constant('medley' as const), recordingId: fc.constantFrom('REC1', 'REC3'), parts: fc.array(fc.option(fc.constantFrom(...workIds)), { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('work' as const), workId: fc.constantFrom(...workIds) }),
);

const weightArb = fc.oneof(
  { weight: 6, arbitrary: fc.bigInt({ min: 0n, max: 20n }) },
  { weight: 2, arbitrary: fc.bigInt({ min: 0n, max: 10n ** 9n }) },
  // Weights near 2^63: rest × weight needs 126 bits.
  { weight: 1, arbitrary: fc.bigInt({ min: 2n ** 62n, max: 2n ** 63n - 1n }) },
);

const lineArb = fc.record({
  salesTransactionId: fc.constantFrom(...transactionIds),
  dspResourceId: fc.option(fc.constantFrom(...resourceIds), { freq: 5 }),
  usages: weightArb,
  // Mostly none; sometimes more returns than usages (a negative line).
  returns: fc.oneof({ weight: 4, arbitrary: fc.constant(0n) }, { weight: 1, arbitrary: weightArb }),
  royaltyBearing: fc.constantFrom<boolean | null>(true, true, null, false),
});

const treatmentArb: fc.Arbitrary<AiGeneratedTreatment> = fc.constantFrom<AiGeneratedTreatment>({ treatment: 'redistribute' }, { treatment: 'pay' });

const caseArb = fc.record({
  // Few lines tie their remainders with the unreported usage's often; many lines test the content order.
  lines: fc.oneof(fc.array(lineArb, { minLength: 1, maxLength: 3 }), fc.array(lineArb, { minLength: 1, maxLength: 40 })),
  matches: fc.tuple(...resourceIds.map(() => resourceMatchArb)),
  aiWorks: fc.subarray(workIds),
  treatment: treatmentArb,
  // Small rests over small weights tie remainders often; large ones need the wide integers.
  rest: fc.oneof(
    fc.bigInt({ min: -100n, max: 100n }),
    fc.bigInt({ min: -(10n ** 12n), max: 10n ** 12n }),
    fc.constant(0n),
    fc.bigInt({ min: 2n ** 61n, max: 2n ** 62n }),
  ),
  // Null: a summary without Usages; else what the summary reports beyond its lines (zero: the lines are all of it).
  unreported: fc.option(fc.oneof(fc.constant(0n), fc.bigInt({ min: 0n, max: 20n }), fc.bigInt({ min: 0n, max: 2n ** 63n }))),
});

type Case = typeof caseArb extends fc.Arbitrary<infer T> ? T : never;

function matchRow(reportId: bigint, dspResourceId: string, recordingId: string | null, workId: string | null): ClefDatabase['usage_matches'] {
  return {
    report_id: reportId, dsp_resource_id: dspResourceId, sender_dpid: 'D', valid_isrc: null, valid_iswc: null, work_numbers: null, title: 'T', display_artist: 'A',
    title_key: 't', artist_key: 'a', writer_keys: null, usages: 1n, usage_lines: 1n, status: recordingId || workId ? 'matched' : 'unmatched',
    recording_id: recordingId, work_id: workId, method: null, confidence: null, manual: false, note: null,
  };
}

/** Writes what matching found for the case's resources (recordings of this report's own), as ingestion and matching leave it. */
async function storeMatches(store: Store, c: Case, reportId: bigint): Promise<void> {
  const matches: ClefDatabase['usage_matches'][] = [];
  const links: ClefDatabase['recording_works'][] = [];
  const parts: ClefDatabase['usage_medley_parts'][] = [];
  const linked = new Set<string>();
  resourceIds.forEach((id, i) => {
    const match = c.matches[i];
    if (match.kind === 'unmatched') matches.push(matchRow(reportId, id, null, null));
    if (match.kind === 'work') matches.push(matchRow(reportId, id, null, match.workId));
    if (match.kind === 'recording' || match.kind === 'medley') matches.push(matchRow(reportId, id, `${match.recordingId}-${reportId}`, null));
    if (match.kind === 'recording' && !linked.has(match.recordingId)) {
      linked.add(match.recordingId);
      for (const workId of match.works) links.push({ recording_id: `${match.recordingId}-${reportId}`, work_id: workId });
    }
    if (match.kind === 'medley') match.parts.forEach((workId, part) => parts.push({ report_id: reportId, dsp_resource_id: id, part, dsp_work_id: `DW${part}`, work_id: workId, method: null, note: null }));
  });
  await store.db.insertInto('usage_matches').values(matches).execute();
  if (links.length > 0) await store.db.insertInto('recording_works').values(links).execute();
  if (parts.length > 0) await store.db.insertInto('usage_medley_parts').values(parts).execute();
}

function registryOf(c: Case): RegistrySnapshot {
  return { works: new Map(workIds.map((workId) => [workId, { workId, fullyAiGenerated: c.aiWorks.includes(workId), shares: [] }])), members: [], sisters: [], affiliations: [] };
}

function poolOf(c: Case, listed: bigint, reportId: bigint): PoolInput {
  return {
    poolId: `${reportId}/S1`, scope: { dsp: 'D', commercialModel: null, useType: null }, territoryTis: 724, date: '2025-01-31',
    amountMicros: c.rest, summaryWeight: c.unreported === null ? null : listed + c.unreported, rights: ['PR', 'MR'], rightsSplit: null, lines: [],
  };
}

/** The targets in a fixed order, as plain values. */
function comparable(targets: PoolTargets) {
  return {
    ...targets,
    namedWorks: [...targets.namedWorks].sort(),
    targets: targets.targets.map((t) => ({ ...t })).sort((a, b) => `${a.kind}:${a.recordingId}:${a.workIds}:${a.unidentifiedParts}`.localeCompare(`${b.kind}:${b.recordingId}:${b.workIds}:${b.unidentifiedParts}`)),
  };
}

/** Writes the case's lines as a summary record of a report of their own. */
async function storeLines(store: Store, c: Case, reportId: bigint): Promise<bigint> {
  // Lines equal in everything the content order sees are met in either order: they must carry money alike.
  const flags = new Map<string, boolean | null>();
  const rows = c.lines.map((line, i) => {
    const same = `${line.salesTransactionId}|${line.dspResourceId}|${line.usages}|${line.returns}`;
    if (!flags.has(same)) flags.set(same, line.royaltyBearing);
    return {
      report_id: reportId, file_number: 1, line: i + 2, record_type: 'SU02', block_id: String(i), summary_record_id: 'S1',
      sales_transaction_id: line.salesTransactionId, dsp_resource_id: line.dspResourceId, usages: line.usages, returns: line.returns,
      is_royalty_bearing: flags.get(same)!, net_revenue: null, price_consumer_paid: null,
    };
  });
  await store.db.insertInto('usage_lines').values(rows).execute();
  return rows.reduce((sum, row) => sum + row.usages - row.returns, 0n);
}

/** The registry's works W0–W3, then (per case) which of them are fully AI-generated, as the store sees them. */
async function storeWorks(store: Store, aiWorks: readonly string[]): Promise<void> {
  const present = await store.db.selectFrom('works').select('work_id').execute();
  if (present.length === 0) {
    await store.db.insertInto('works').values(workIds.map((workId) => ({
      work_id: workId, iswc: null, title: workId, title_key: workId, creator_key: '', language: null, duration_s: null, version_type: null, original_work_id: null,
      original_title: null, ai_composition: 'none', ai_lyrics: 'none', ai_arrangement: 'none', ai_tools: '', human_contribution: null, ai_evidence: '',
      fully_ai_generated: false, in_dispute: false, extra: '{}', created_at: '2025-01-01', updated_at: '2025-01-01',
    }))).execute();
  }
  for (const workId of workIds) await store.db.updateTable('works').set({ fully_ai_generated: aiWorks.includes(workId) }).where('work_id', '=', workId).execute();
}

describeEachEngine('the store divides a summary\'s lines', (open) => {
  test('to the same values per target, to the micro-unit, as the in-memory division over the same lines', async () => {
    const store = await open();
    let reportId = 0n;
    await fc.assert(
      fc.asyncProperty(caseArb, async (c) => {
        reportId += 1n;
        const listed = await storeLines(store, c, reportId);
        await storeMatches(store, c, reportId);
        await storeWorks(store, c.aiWorks);
        const rules: PoolRules = { commissionBasisPoints: 0n, rightsSplit: { PR: 5000n, MR: 5000n }, aiGenerated: c.treatment };
        const pool = poolOf(c, listed, reportId);
        const registry = registryOf(c);
        const lines: StoredPoolLines = { reportId, summaryRecordId: 'S1', index: await readReportWorkIndex(store.db, reportId) };
        const oracle = valuePoolLines({ ...pool, lines: await readStoredPoolLines(store.db, lines) }, c.rest, rules, registry);
        const targets = await valueStoredPool(store.db, store.engine, { stored: lines, pool, rest: c.rest, rules, registry });
        assert.deepEqual(comparable(targets), comparable(oracle));
        assert.deepEqual(allocatePoolTargets(pool, targets, rules, registry, resolve), allocatePoolTargets(pool, oracle, rules, registry, resolve));
      }),
      {
        numRuns: 200,
        // A line and the unreported usage tied for the one leftover micro-unit: the line takes it.
        examples: [[{
          lines: [{ salesTransactionId: 'a', dspResourceId: 'R1', usages: 1n, returns: 0n, royaltyBearing: true }],
          matches: [{ kind: 'unmatched' }, { kind: 'unmatched' }, { kind: 'unmatched' }, { kind: 'unmatched' }, { kind: 'unmatched' }],
          aiWorks: [], treatment: { treatment: 'pay' }, rest: 1n, unreported: 1n,
        }], [{
          // A medley of a recording with linked works takes the recording's works (all AI here), not its parts.
          lines: [
            { salesTransactionId: 'a', dspResourceId: 'R1', usages: 1n, returns: 0n, royaltyBearing: true },
            { salesTransactionId: 'b', dspResourceId: 'R2', usages: 2n, returns: 0n, royaltyBearing: true },
            { salesTransactionId: 'c', dspResourceId: 'R3', usages: 3n, returns: 0n, royaltyBearing: true },
          ],
          matches: [{ kind: 'medley', recordingId: 'REC1', parts: ['W1'] }, { kind: 'recording', recordingId: 'REC1', works: ['W0'] }, { kind: 'unmatched' }, { kind: 'unmatched' }, { kind: 'unmatched' }],
          aiWorks: ['W0'], treatment: { treatment: 'redistribute' }, rest: 100n, unreported: null,
        }]],
      },
    );
  });

  test('gives the leftover micro-units to the largest remainders, ties to the smaller line key and the unreported usage last', async () => {
    const store = await open();
    const rows = [['b', 'R1'], ['a', 'R2'], ['a', 'R2'], ['c', null]].map(([sti, resource], i) => ({
      report_id: 1n, file_number: 1, line: i + 2, record_type: 'SU02', block_id: String(i), summary_record_id: 'S1', sales_transaction_id: sti!,
      dsp_resource_id: resource, usages: 1n, returns: 0n, is_royalty_bearing: true, net_revenue: null, price_consumer_paid: null,
    }));
    await store.db.insertInto('usage_lines').values(rows).execute();
    await store.db.insertInto('usage_matches').values([matchRow(1n, 'R1', 'REC1', null), matchRow(1n, 'R2', 'REC2', null)]).execute();
    // 7 micro-units over 4 lines and an unreported weight of 1, each a fifth: 1 each, 2 left over to `a/R2` and `a/R2#1`.
    const values = await divideSummaryLines(store.db, store.engine, { reportId: 1n, summaryRecordId: 'S1', silenceAi: false }, {
      up: { amount: 7n, weightSum: 5n, sign: 1n }, down: { amount: 0n, weightSum: 0n, sign: 0n }, unreportedWeight: 1n,
    });
    const byRecording = new Map(values.map((v) => [v.unreported ? 'unreported' : String(v.recordingId), v]));
    assert.deepEqual([...byRecording.keys()].sort(), ['REC1', 'REC2', 'null', 'unreported']);
    assert.deepEqual([byRecording.get('REC2')!.value, byRecording.get('REC2')!.lines, byRecording.get('REC1')!.value, byRecording.get('null')!.value, byRecording.get('unreported')!.value], [4n, 2, 1n, 1n, 1n]);
  });

  test('multiplies exactly past BIGINT: a rest of 2^62 over weights near 2^63', async () => {
    const store = await open();
    const big = 2n ** 63n - 1n;
    const rows = [big, big - 2n, 3n].map((usages, i) => ({
      report_id: 1n, file_number: 1, line: i + 2, record_type: 'SU02', block_id: String(i), summary_record_id: 'S1', sales_transaction_id: `T${i}`,
      dsp_resource_id: `R${i}`, usages, returns: 0n, is_royalty_bearing: true, net_revenue: null, price_consumer_paid: null,
    }));
    await store.db.insertInto('usage_lines').values(rows).execute();
    await store.db.insertInto('usage_matches').values(rows.map((r) => matchRow(1n, r.dsp_resource_id, `REC-${r.dsp_resource_id}`, null))).execute();
    const weightSum = big + big - 2n + 3n;
    const amount = 2n ** 62n + 1n;
    const values = await divideSummaryLines(store.db, store.engine, { reportId: 1n, summaryRecordId: 'S1', silenceAi: false }, {
      up: { amount, weightSum, sign: 1n }, down: { amount: 0n, weightSum: 0n, sign: 0n }, unreportedWeight: null,
    });
    const floors = rows.map((r) => (amount * r.usages) / weightSum);
    const got = new Map(values.map((v) => [v.recordingId, v.value]));
    assert.equal([...got.values()].reduce((a, b) => a + b, 0n), amount);
    rows.forEach((r, i) => {
      const value = got.get(`REC-${r.dsp_resource_id}`)!;
      assert.ok(value - floors[i] <= 1n && value >= floors[i], r.dsp_resource_id);
    });
  });
});
