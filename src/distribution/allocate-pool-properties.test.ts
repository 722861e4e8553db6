import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { createTerritoryResolver, loadLookups, type TerritoryChain } from '../lookups/index.js';
import type { Member } from '../registry/member.js';
import type { Right } from '../registry/right.js';
import { allocatePool } from './allocate-pool.js';
import { diffLedger } from './diff-ledger.js';
import type { AiGeneratedTreatment, PoolRules } from './distribution-policy.js';
import type { PoolInput, PoolLine, RegistrySnapshot, ShareRow, WorkFacts } from './distribution-input.js';

const resolve = createTerritoryResolver(loadLookups().territories);
const chains: TerritoryChain[] = [[{ inclusion: 'I', tis: 2136 }], [{ inclusion: 'I', tis: 2136 }, { inclusion: 'E', tis: 724 }], [{ inclusion: 'I', tis: 724 }]];
const partyIds = ['P1', 'P2', 'P3', 'P4', 'P5'];
const rightArb = fc.constantFrom<Right>('PR', 'MR', 'SR');

const shareArb: fc.Arbitrary<ShareRow> = fc.record({
  right: rightArb,
  territories: fc.constantFrom(...chains),
  partyId: fc.constantFrom(...partyIds),
  collectionBasisPoints: fc.integer({ min: 1, max: 10_000 }),
});

const registryArb: fc.Arbitrary<RegistrySnapshot> = fc
  .record({
    works: fc.array(fc.record({ fullyAiGenerated: fc.boolean(), shares: fc.array(shareArb, { maxLength: 6 }) }), { minLength: 1, maxLength: 6 }),
    memberParties: fc.subarray(partyIds),
    affiliated: fc.subarray(partyIds),
  })
  .map(({ works, memberParties, affiliated }) => {
    const facts: WorkFacts[] = works.map((w, i) => ({ workId: `W${i}`, ...w }));
    const members: Member[] = memberParties.map((partyId, i) => ({ id: `M${i}`, partyId, rights: ['PR', 'MR'], territories: chains[i % chains.length], startDate: '2020-01-01' }));
    return {
      works: new Map(facts.map((w) => [w.workId, w])),
      members,
      sisters: [{ societyCode: '052', rights: ['PR', 'MR'], territories: chains[0] }],
      affiliations: affiliated.map((partyId) => ({ partyId, right: 'PR' as Right, societyCode: '052' })),
    };
  });

function lineArb(workCount: number): fc.Arbitrary<Omit<PoolLine, 'key'>> {
  return fc.record({
    reportId: fc.constant('R'),
    lineNumber: fc.nat(1000),
    weight: fc.bigInt({ min: -50n, max: 1000n }),
    usages: fc.bigInt({ min: -50n, max: 1000n }),
    royaltyBearing: fc.oneof(fc.constant(true), fc.constant(true), fc.constant(false)),
    conflict: fc.boolean(),
    match: fc.oneof(
      fc.constant({ kind: 'unmatched' as const }),
      fc.record({
        kind: fc.constant('recording' as const),
        recordingId: fc.constantFrom('R1', 'R2', 'R3'),
        workIds: fc.subarray(Array.from({ length: workCount }, (_, i) => `W${i}`)),
        // A medley's parts nobody identified.
        unidentifiedParts: fc.nat(3),
      }),
    ),
  });
}

const treatmentArb: fc.Arbitrary<AiGeneratedTreatment> = fc.oneof(
  fc.constant({ treatment: 'reserve' as const }),
  fc.constant({ treatment: 'pay' as const }),
  fc.constant({ treatment: 'redistribute' as const }),
  fc.bigInt({ min: 0n, max: 10_000n }).map((rateBasisPoints) => ({ treatment: 'rate' as const, rateBasisPoints })),
);

const caseArb = registryArb.chain((registry) =>
  fc.record({
    registry: fc.constant(registry),
    rules: fc.record({
      commissionBasisPoints: fc.bigInt({ min: 0n, max: 10_000n }),
      rightsSplit: fc.constantFrom<PoolRules['rightsSplit']>({ PR: 5000n, MR: 5000n }, { PR: 3333n, MR: 6667n }, { MR: 10_000n }),
      aiGenerated: treatmentArb,
    }),
    pool: fc.record({
      amountMicros: fc.bigInt({ min: -(10n ** 9n), max: 10n ** 12n }),
      summaryWeight: fc.option(fc.bigInt({ min: 0n, max: 20_000n })),
      rights: fc.subarray<Right>(['PR', 'MR', 'SR'], { minLength: 1 }),
      territoryTis: fc.constantFrom(724, 250, 2136),
      lines: fc.uniqueArray(fc.tuple(fc.string({ minLength: 1, maxLength: 4 }), lineArb(registry.works.size)), { maxLength: 25, selector: ([key]) => key }),
    }),
  }),
);

type PoolCase = { pool: { amountMicros: bigint; summaryWeight: bigint | null; rights: Right[]; territoryTis: number; lines: [string, Omit<PoolLine, 'key'>][] } };

const listedWeight = (c: PoolCase): bigint => c.pool.lines.reduce((sum, [, line]) => sum + line.weight, 0n);

/** The pool as a report that passed validation makes it: a summary's Usages never below what its lines list. */
function poolOf(c: PoolCase): PoolInput {
  const pool = rawPoolOf(c);
  return pool.summaryWeight === null ? pool : { ...pool, summaryWeight: pool.summaryWeight + listedWeight(c) };
}

function rawPoolOf(c: PoolCase): PoolInput {
  return {
    poolId: 'POOL',
    scope: { dsp: 'D', commercialModel: null, useType: null },
    territoryTis: c.pool.territoryTis,
    date: '2025-01-31',
    amountMicros: c.pool.amountMicros,
    summaryWeight: c.pool.summaryWeight,
    rights: c.pool.rights,
    rightsSplit: null,
    lines: c.pool.lines.map(([key, line]) => ({ key, ...line })),
  };
}

test('every pool of a random registry and report reconciles exactly', () => {
  fc.assert(
    fc.property(caseArb, (c) => {
      const allocation = allocatePool(poolOf(c), c.rules, c.registry, resolve);
      assert.equal(allocation.entries.reduce((sum, e) => sum + e.amountMicros, 0n), c.pool.amountMicros);
    }),
    { numRuns: 300 },
  );
});

test('permuting the lines of a pool gives identical bookings', () => {
  fc.assert(
    fc.property(caseArb.chain((c) => fc.tuple(fc.constant(c), fc.shuffledSubarray(c.pool.lines, { minLength: c.pool.lines.length }))), ([c, shuffled]) => {
      const a = allocatePool(poolOf(c), c.rules, c.registry, resolve);
      const b = allocatePool(poolOf({ pool: { ...c.pool, lines: shuffled } }), c.rules, c.registry, resolve);
      assert.deepEqual(b.entries, a.entries);
    }),
    { numRuns: 200 },
  );
});

test('an adjustment after no change books nothing, and after a change books exactly the difference', () => {
  fc.assert(
    fc.property(caseArb, fc.bigInt({ min: 1n, max: 10n ** 9n }), (c, extra) => {
      const before = allocatePool(poolOf(c), c.rules, c.registry, resolve);
      assert.deepEqual(diffLedger(before.entries, allocatePool(poolOf(c), c.rules, c.registry, resolve).entries), []);
      const after = allocatePool(poolOf({ pool: { ...c.pool, amountMicros: c.pool.amountMicros + extra } }), c.rules, c.registry, resolve);
      const adjustment = diffLedger(before.entries, after.entries);
      assert.equal(adjustment.reduce((sum, e) => sum + e.amountMicros, 0n), extra);
    }),
    { numRuns: 200 },
  );
});

/** A report as validation lets it through: money in the pool, every line a non-negative count. */
const moneyCaseArb = caseArb.map((c) => ({
  ...c,
  pool: { ...c.pool, amountMicros: c.pool.amountMicros < 0n ? -c.pool.amountMicros : c.pool.amountMicros, lines: c.pool.lines.map(([key, line]): [string, Omit<PoolLine, 'key'>] => [key, { ...line, weight: line.weight < 0n ? -line.weight : line.weight }]) },
}));

test('for any report, members + societies + reserves + commission = pool, and no reserve is negative', () => {
  fc.assert(
    fc.property(moneyCaseArb, (c) => {
      const allocation = allocatePool(poolOf(c), c.rules, c.registry, resolve);
      const sum = (kind: string) => allocation.entries.filter((e) => e.accountKind === kind).reduce((s, e) => s + e.amountMicros, 0n);
      assert.equal(sum('party') + sum('society') + sum('reserve') + sum('commission'), c.pool.amountMicros);
      assert.deepEqual(allocation.entries.filter((e) => e.accountKind === 'reserve' && e.amountMicros < 0n), []);
    }),
    { numRuns: 300 },
  );
});

test('a pool whose lines list more usages than its summary is refused, never paid out of a negative reserve', () => {
  fc.assert(
    fc.property(moneyCaseArb, fc.bigInt({ min: 1n, max: 10_000n }), (c, excess) => {
      fc.pre(c.pool.lines.length > 0);
      const listed = listedWeight(c);
      fc.pre(listed > 0n);
      const pool = { ...rawPoolOf(c), summaryWeight: listed - (excess > listed ? listed : excess) };
      assert.throws(() => allocatePool(pool, c.rules, c.registry, resolve), { code: 'CLEF_DISTRIBUTION_POOL_OVERDRAWN' });
    }),
    { numRuns: 200 },
  );
});
