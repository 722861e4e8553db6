import type { PoolInput, RegistrySnapshot, WorkFacts } from '../../src/distribution/distribution-input.js';
import type { DistributionPolicy } from '../../src/distribution/distribution-policy.js';
import type { Member } from '../../src/registry/member.js';

/**
 * The worked example of docs/distribution.md: one Spanish pool of a DSP, computed by hand in the tests.
 * P1 is a member for PR and MR worldwide, P2 is affiliated for PR to the sister society 052, P3 is nobody's.
 * W1 and W2 are both on recording R1; W3 (on R2) documents PR only outside Spain.
 */
export const workedPolicy: DistributionPolicy = {
  version: 'worked-1',
  commissionBasisPoints: 1500n,
  rightsSplit: { PR: 5000n, MR: 5000n },
  aiGenerated: { treatment: 'reserve' },
  holdingPeriodMonths: 36,
  overrides: [],
};

const world = [{ inclusion: 'I', tis: 2136 }] as const;
const worldExceptSpain = [{ inclusion: 'I', tis: 2136 }, { inclusion: 'E', tis: 724 }] as const;

const works: WorkFacts[] = [
  {
    workId: 'W00000001',
    fullyAiGenerated: false,
    shares: [
      { right: 'PR', territories: world, partyId: 'P00000001', collectionBasisPoints: 5000 },
      { right: 'PR', territories: world, partyId: 'P00000002', collectionBasisPoints: 5000 },
      { right: 'MR', territories: world, partyId: 'P00000001', collectionBasisPoints: 10000 },
    ],
  },
  {
    workId: 'W00000002',
    fullyAiGenerated: false,
    shares: [
      { right: 'PR', territories: world, partyId: 'P00000003', collectionBasisPoints: 10000 },
      { right: 'MR', territories: world, partyId: 'P00000001', collectionBasisPoints: 5000 },
    ],
  },
  {
    workId: 'W00000003',
    fullyAiGenerated: false,
    shares: [
      { right: 'PR', territories: worldExceptSpain, partyId: 'P00000001', collectionBasisPoints: 10000 },
      { right: 'MR', territories: world, partyId: 'P00000001', collectionBasisPoints: 10000 },
    ],
  },
];

const members: Member[] = [{ id: 'M00000001', partyId: 'P00000001', rights: ['PR', 'MR'], territories: world, startDate: '2020-01-01' }];

/** The registry rows the worked example reads. */
export const workedRegistry: RegistrySnapshot = {
  works: new Map(works.map((work) => [work.workId, work])),
  members,
  sisters: [{ societyCode: '052', rights: ['PR'], territories: world }],
  affiliations: [{ partyId: 'P00000002', right: 'PR', societyCode: '052' }],
};

/** Revenue of the example's summary record, in EUR, the CMO's currency: 1000.0002 × 0.12 = 120.000024. */
export const workedRevenue = '1000.0002';

/** The licence rate of the example. */
export const workedRate = '0.12';

/** The example's pool: 1000 usages reported, 750 of them listed (one line a return of 50). */
export function workedPool(amountMicros: bigint): PoolInput {
  return {
    poolId: 'DSR-1/SR1',
    scope: { dsp: 'PADPIDA2014120301U', commercialModel: 'SubscriptionModel', useType: 'OnDemandStream' },
    territoryTis: 724,
    date: '2025-01-31',
    amountMicros,
    summaryWeight: 1000n,
    rights: ['PR', 'MR'],
    rightsSplit: null,
    lines: [
      { key: 'ST-A', reportId: 'DSR-1', lineNumber: 10, weight: 400n, usages: 400n, royaltyBearing: true, conflict: false, match: { kind: 'recording', recordingId: 'R00000001', workIds: ['W00000002', 'W00000001'] } },
      { key: 'ST-B', reportId: 'DSR-1', lineNumber: 13, weight: 300n, usages: 300n, royaltyBearing: true, conflict: false, match: { kind: 'recording', recordingId: 'R00000002', workIds: ['W00000003'] } },
      { key: 'ST-C', reportId: 'DSR-1', lineNumber: 16, weight: 100n, usages: 100n, royaltyBearing: true, conflict: false, match: { kind: 'unmatched' } },
      { key: 'ST-D', reportId: 'DSR-1', lineNumber: 11, weight: -50n, usages: -50n, royaltyBearing: true, conflict: false, match: { kind: 'recording', recordingId: 'R00000001', workIds: ['W00000001', 'W00000002'] } },
    ],
  };
}
