import { test } from 'node:test';
import assert from 'node:assert/strict';
import { consolidateShares } from './consolidate-shares.js';
import { createTerritoryResolver, loadLookups, type TerritoryChain, territoryCount } from '../lookups/index.js';
import type { Registration, RegistrationParty, Submitter } from './registration.js';
import { shareCellAt } from './share-cell-at.js';
import type { RightShares } from './share.js';

const table = loadLookups().territories;
const resolve = createTerritoryResolver(table);
const shares = (PR: number, MR = PR, SR = MR): RightShares => ({ PR, MR, SR });
const chain = (...steps: string[]): TerritoryChain => steps.map((s) => ({ inclusion: s[0] as 'I' | 'E', tis: Number(s.slice(1)) }));
const party = (partyId: string, kind: 'writer' | 'publisher', ownership: RightShares, collection: RegistrationParty['collection'] = [], extra: Partial<RegistrationParty> = {}): RegistrationParty => ({
  partyId, kind, role: kind === 'writer' ? 'CA' : 'E', controlled: true, ownership, collection, affiliations: [], ...extra,
});
let next = 0;
const registration = (submitter: Submitter, number: string, receivedAt: string, parties: RegistrationParty[]): Registration => ({
  id: `r${++next}`, workId: 'w1', submitter, submitterWorkNumber: number, source: 'CWR', receivedAt, parties, publisherLinks: [],
});
const publisherA: Submitter = { kind: 'member', partyId: 'pubA' };
const publisherB: Submitter = { kind: 'member', partyId: 'pubB' };

test('a party without territory records collects its ownership share worldwide; the rest is undocumented', () => {
  const picture = consolidateShares([registration(publisherA, 'A1', '2025-01-01', [party('wr', 'writer', shares(5000)), party('pubA', 'publisher', shares(2500, 0, 0))])], resolve);
  assert.equal(picture.inDispute, false);
  assert.deepEqual(picture.cells.map((c) => [c.right, c.total, c.undocumented, territoryCount(c.territories)]), [
    ['PR', 7500, 2500, 201],
    ['MR', 5000, 5000, 201],
    ['SR', 5000, 5000, 201],
  ]);
  assert.deepEqual(shareCellAt(picture, 'PR', 250)?.claims.map((c) => [c.partyId, c.share]), [['wr', 5000], ['pubA', 2500]]);
});

test('cuts the World into regions where the claims differ: the World except France and France', () => {
  const picture = consolidateShares([
    registration(publisherA, 'A1', '2025-01-01', [
      party('wr', 'writer', shares(5000), [{ territories: chain('I2136'), shares: shares(5000) }]),
      party('pubA', 'publisher', shares(5000), [{ territories: chain('I2136', 'E250'), shares: shares(5000) }]),
      party('subFR', 'publisher', shares(0), [{ territories: chain('I250'), shares: shares(5000) }], { role: 'SE' }),
    ]),
  ], resolve);
  const pr = picture.cells.filter((c) => c.right === 'PR');
  assert.equal(pr.length, 2);
  assert.deepEqual(shareCellAt(picture, 'PR', 250)?.claims.map((c) => c.partyId), ['wr', 'subFR']);
  assert.deepEqual(shareCellAt(picture, 'PR', 276)?.claims.map((c) => c.partyId), ['wr', 'pubA']);
  assert.equal(shareCellAt(picture, 'PR', 276)?.total, 10000);
  assert.equal(territoryCount(pr[0].territories) + territoryCount(pr[1].territories), 201);
});

test('a later registration by the same submitter for the same work number revises the earlier one', () => {
  const first = registration(publisherA, 'A1', '2025-01-01', [party('wr', 'writer', shares(5000)), party('pubA', 'publisher', shares(5000))]);
  const revision = registration(publisherA, 'A1', '2025-02-01', [party('wr', 'writer', shares(6000)), party('pubA', 'publisher', shares(4000))]);
  for (const order of [[first, revision], [revision, first]]) {
    const picture = consolidateShares(order, resolve);
    assert.deepEqual(picture.registrationIds, [revision.id]);
    assert.deepEqual(picture.supersededIds, [first.id]);
    assert.equal(picture.inDispute, false);
    assert.deepEqual(shareCellAt(picture, 'PR', 840)?.claims.map((c) => c.share), [6000, 4000]);
  }
});

test('two submitters claiming the same right beyond 100 % hold only the claims they do not share; the agreed writer is paid', () => {
  const a = registration(publisherA, 'A1', '2025-01-01', [party('wr', 'writer', shares(5000)), party('pubA', 'publisher', shares(5000))]);
  const b = registration(publisherB, 'B7', '2025-01-02', [
    party('wr', 'writer', shares(5000), [{ territories: chain('I2123'), shares: shares(5000) }]),
    party('pubB', 'publisher', shares(5000), [{ territories: chain('I2123'), shares: shares(5000, 0, 0) }]),
  ]);
  const picture = consolidateShares([a, b], resolve);
  assert.equal(picture.inDispute, true);
  const eu = shareCellAt(picture, 'PR', 276)!;
  assert.deepEqual([eu.inDispute, eu.total, eu.paid, eu.held, eu.undocumented], [true, 15000, 5000, 5000, 0]);
  assert.deepEqual(eu.claims.map((c) => [c.partyId, c.share, c.contested, c.values.map((v) => v.registrationId)]), [
    ['wr', 5000, false, [a.id, b.id]], ['pubA', 5000, true, [a.id]], ['pubB', 5000, true, [b.id]],
  ]);
  assert.equal(shareCellAt(picture, 'PR', 840)?.inDispute, false, 'outside the EU only registration A claims');
  assert.deepEqual([shareCellAt(picture, 'MR', 276)?.total, shareCellAt(picture, 'MR', 276)?.inDispute], [10000, false], 'the writer claimed twice is one claim');
});

test('a total of 100.06 % is within tolerance and 100.07 % is in dispute', () => {
  const make = (extra: number) => [
    registration(publisherA, 'A1', '2025-01-01', [party('wr', 'writer', shares(5000)), party('pubA', 'publisher', shares(5000))]),
    registration(publisherB, 'B1', '2025-01-01', [party('wr', 'writer', shares(5000)), party('pubB', 'publisher', shares(extra))]),
  ];
  assert.equal(consolidateShares(make(6), resolve).inDispute, false);
  assert.equal(consolidateShares(make(7), resolve).inDispute, true);
});
