import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { consolidateShares, type SharePicture } from './consolidate-shares.js';
import { loadLookups } from '../lookups/index.js';
import type { Registration, RegistrationParty } from './registration.js';
import { fullShare, shareTolerance } from './share.js';
import { createTerritoryResolver } from '../lookups/index.js';
import { territorySetKey } from '../lookups/index.js';
import type { TerritoryChain } from '../lookups/index.js';

const resolve = createTerritoryResolver(loadLookups().territories);
const chains: TerritoryChain[] = [
  [{ inclusion: 'I', tis: 2136 }],
  [{ inclusion: 'I', tis: 2136 }, { inclusion: 'E', tis: 826 }],
  [{ inclusion: 'I', tis: 826 }],
  [{ inclusion: 'I', tis: 2120 }],
];
const share = fc.integer({ min: 0, max: 10000 });
const rightShares = fc.record({ PR: share, MR: share, SR: share });
const claim = fc.record({ territories: fc.constantFrom(...chains), shares: rightShares });
const party = fc.record({
  partyId: fc.constantFrom('w1', 'w2', 'p1', 'p2', 'sub'),
  kind: fc.constantFrom('writer' as const, 'publisher' as const),
  role: fc.constantFrom('CA', 'E', 'AM', 'SE', 'PA'),
  chain: fc.option(fc.integer({ min: 1, max: 2 }), { nil: undefined }),
  controlled: fc.boolean(),
  ownership: rightShares,
  collection: fc.array(claim, { maxLength: 2 }),
  affiliations: fc.constant([]),
}) as fc.Arbitrary<RegistrationParty>;
const registration = (id: string) =>
  fc.record({
    id: fc.constant(id),
    workId: fc.constant('w'),
    submitter: fc.constantFrom({ kind: 'member' as const, partyId: 'p1' }, { kind: 'member' as const, partyId: 'p2' }, { kind: 'cmo' as const }),
    submitterWorkNumber: fc.constantFrom('A', 'B'),
    source: fc.constant('CWR' as const),
    receivedAt: fc.constantFrom('2025-01-01', '2025-02-01'),
    parties: fc.uniqueArray(party, { maxLength: 4, selector: (p) => p.partyId }),
    publisherLinks: fc.constant([]),
  }) as fc.Arbitrary<Registration>;

/** A picture's cells without registration ids: what each party is paid and held per right and region. */
const summary = (picture: SharePicture) =>
  picture.cells.map((c) => [c.right, territorySetKey(c.territories), c.paid, c.held, c.undocumented, c.claims.map((k) => [k.partyId, k.share, k.contested])]);

test('the merged picture never pays and holds more than 100 % (+0.06 %) of a right in a region', () => {
  fc.assert(
    fc.property(fc.tuple(registration('r1'), registration('r2'), registration('r3')), (registrations) => {
      for (const cell of consolidateShares(registrations, resolve).cells) {
        assert.ok(cell.paid + cell.held <= fullShare + shareTolerance, `${cell.right}: paid ${cell.paid} + held ${cell.held}`);
        assert.ok(cell.held >= 0 && cell.undocumented >= 0);
        // Within the ±0.06 % tolerance a claim of up to 100.06 % stands uncontested: allocation grosses it down pro rata.
        for (const claim of cell.claims) assert.ok(claim.share <= fullShare + shareTolerance || claim.contested, `${claim.partyId} ${claim.share} paid beyond 100.06 %`);
      }
    }),
    { numRuns: 300 },
  );
});

test('merging the same registration twice, from another submitter, changes nothing', () => {
  fc.assert(
    fc.property(registration('r1'), (original) => {
      const copy: Registration = { ...original, id: 'r2', submitter: { kind: 'sister', societyCode: '052' }, submitterWorkNumber: 'COPY' };
      assert.deepEqual(summary(consolidateShares([original, copy], resolve)), summary(consolidateShares([original], resolve)));
    }),
    { numRuns: 300 },
  );
});
