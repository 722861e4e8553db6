import { test } from 'node:test';
import assert from 'node:assert/strict';
import { registrationCollection } from './chain-of-title.js';
import { consolidateShares } from './consolidate-shares.js';
import { loadLookups } from '../lookups/index.js';
import type { PublisherLink, Registration, RegistrationParty } from './registration.js';
import { defaultRegistryPolicy } from './registry-policy.js';
import type { Right } from './right.js';
import { shareCellAt } from './share-cell-at.js';
import type { RightShares } from './share.js';
import { createTerritoryResolver } from '../lookups/index.js';
import type { TerritoryChain } from '../lookups/index.js';
import { validateRegistration } from './validate-registration.js';
import type { Work } from './work.js';

const lookups = loadLookups();
const resolve = createTerritoryResolver(lookups.territories);
const work: Work = { id: 'w1', title: 'SOMEWHERE', archivedIswcs: [], alternateTitles: [], versionType: 'ORI' };
const shares = (PR: number, MR = PR, SR = MR): RightShares => ({ PR, MR, SR });
const chain = (...steps: string[]): TerritoryChain => steps.map((s) => ({ inclusion: s[0] as 'I' | 'E', tis: Number(s.slice(1)) }));
const spt = (territories: TerritoryChain, collection: RightShares) => ({ territories, shares: collection });
const writer = (partyId: string, ownership: RightShares, extra: Partial<RegistrationParty> = {}): RegistrationParty => ({
  partyId, kind: 'writer', role: 'CA', controlled: true, ownership, collection: [], affiliations: [], ...extra,
});
const publisher = (partyId: string, role: string, chainNumber: number, ownership: RightShares, collection: RegistrationParty['collection'] = [], extra: Partial<RegistrationParty> = {}): RegistrationParty => ({
  partyId, kind: 'publisher', role, chain: chainNumber, controlled: true, ownership, collection, affiliations: [], ...extra,
});
const link = (writerPartyId: string, publisherPartyId: string): PublisherLink => ({ writerPartyId, publisherPartyId });
let next = 0;
const registration = (submitter: string, parties: RegistrationParty[], publisherLinks: PublisherLink[] = []): Registration => ({
  id: `r${++next}`, workId: 'w1', submitter: { kind: 'member', partyId: submitter }, submitterWorkNumber: 'SW1', source: 'CWR', receivedAt: '2025-01-01', parties, publisherLinks,
});
/** Who collects what of a right in a country (TIS), as [party, basis points]. */
const at = (registrations: Registration[], right: Right, tis: number) =>
  shareCellAt(consolidateShares(registrations, resolve), right, tis)!.claims.map((c) => [c.partyId, c.share]);
const findings = (r: Registration) => validateRegistration(work, r, lookups, resolve).map((f) => [f.code, f.right]);

test('E + AM: the original publisher without SPT collects nothing; its administrator collects by its SPT and takes the writer\'s assigned MR', () => {
  const r = registration('am', [
    publisher('e', 'E', 1, shares(5000)),
    publisher('am', 'AM', 1, shares(0), [spt(chain('I2136'), shares(5000, 10000, 10000))]),
    writer('wr', shares(5000)),
  ], [link('wr', 'e')]);
  assert.deepEqual(findings(r), [], 'no "PR collection totals 125 %"');
  assert.deepEqual(at([r], 'PR', 276), [['am', 5000], ['wr', 5000]]);
  assert.deepEqual(at([r], 'MR', 276), [['am', 10000]]);
});

test("E + SE per territory: the E's exclusions leave the United Kingdom to its sub-publisher", () => {
  const r = registration('e', [
    publisher('e', 'E', 1, shares(5000), [spt(chain('I2136', 'E826'), shares(5000, 10000, 10000))]),
    publisher('se', 'SE', 1, shares(0), [spt(chain('I826'), shares(5000, 10000, 10000))]),
    writer('wr', shares(5000)),
  ], [link('wr', 'e')]);
  assert.deepEqual(findings(r), []);
  assert.deepEqual(at([r], 'PR', 826), [['se', 5000], ['wr', 5000]]);
  assert.deepEqual(at([r], 'PR', 276), [['e', 5000], ['wr', 5000]]);
  assert.deepEqual(at([r], 'MR', 826), [['se', 10000]]);
});

test('E + SE without the exclusion: the chain is bounded by its ownership, the original publisher gives way in the sub-publisher\'s territory', () => {
  const r = registration('e', [
    publisher('e', 'E', 1, shares(5000), [spt(chain('I2136'), shares(5000, 0, 0))]),
    publisher('se', 'SE', 1, shares(0), [spt(chain('I826'), shares(5000, 0, 0))]),
    writer('wr', shares(5000)),
  ], [link('wr', 'e')]);
  assert.deepEqual(findings(r), [['CLEF_REGISTRY_COLLECTION_CAPPED', 'PR']]);
  assert.deepEqual(at([r], 'PR', 826), [['se', 5000], ['wr', 5000]]);
  assert.deepEqual(at([r], 'PR', 250), [['e', 5000], ['wr', 5000]]);
});

test('E + PA: an income participant shares the chain\'s collection, which stays within its ownership and the writer\'s MR', () => {
  const r = registration('e', [
    publisher('e', 'E', 1, shares(5000), [spt(chain('I2136'), shares(3000, 7000, 7000))]),
    publisher('pa', 'PA', 1, shares(0), [spt(chain('I2136'), shares(2000, 3000, 3000))]),
    writer('wr', shares(5000)),
  ], [link('wr', 'e')]);
  assert.deepEqual(findings(r), []);
  assert.deepEqual(at([r], 'PR', 392), [['e', 3000], ['pa', 2000], ['wr', 5000]]);
  assert.deepEqual(at([r], 'MR', 392), [['e', 7000], ['pa', 3000]]);
});

test('a writer without a publisher keeps its own shares worldwide beside a published co-writer', () => {
  const r = registration('e', [
    publisher('e', 'E', 1, shares(2500), [spt(chain('I2136'), shares(2500, 5000, 5000))]),
    writer('published', shares(2500)),
    writer('unpublished', shares(5000)),
  ], [link('published', 'e')]);
  assert.deepEqual(findings(r), []);
  assert.deepEqual(at([r], 'PR', 840), [['e', 2500], ['published', 2500], ['unpublished', 5000]]);
  assert.deepEqual(at([r], 'MR', 840), [['e', 5000], ['unpublished', 5000]]);
});

test("the writer's PR share is the publishers' only by policy: an SPT collecting 100 % PR is cut to the 50 % owned", () => {
  const r = registration('e', [publisher('e', 'E', 1, shares(5000), [spt(chain('I2136'), shares(10000, 10000, 10000))]), writer('wr', shares(5000))], [link('wr', 'e')]);
  assert.deepEqual(findings(r), [['CLEF_REGISTRY_COLLECTION_CAPPED', 'PR']]);
  assert.deepEqual(at([r], 'PR', 826), [['e', 5000], ['wr', 5000]]);
  const off = registrationCollection(r, resolve, { ...defaultRegistryPolicy, writersPerformingShare: false });
  assert.deepEqual(off.entries.filter((e) => e.right === 'PR').map((e) => [e.party.partyId, e.share]), [['e', 10000]]);
  assert.deepEqual(off.cuts, []);
});

test('co-publishing with OPU/OWR: two publishers each controlling half name each other, and their registrations agree', () => {
  const half = (own: string, ownWriter: string, other: string, otherWriter: string) =>
    registration(own, [
      publisher(own, 'E', 1, shares(2500), [spt(chain('I2136'), shares(2500, 5000, 5000))]),
      publisher(other, 'E', 2, shares(2500), [], { controlled: false }),
      writer(ownWriter, shares(2500)),
      writer(otherWriter, shares(2500), { controlled: false }),
    ], [link(ownWriter, own)]);
  const a = half('pubA', 'w1', 'pubB', 'w2');
  const b = half('pubB', 'w2', 'pubA', 'w1');
  const picture = consolidateShares([a, b], resolve);
  assert.equal(picture.inDispute, false);
  assert.deepEqual(at([a, b], 'PR', 250), [['pubA', 2500], ['w1', 2500], ['pubB', 2500], ['w2', 2500]]);
  assert.deepEqual(at([a, b], 'MR', 250), [['pubA', 5000], ['pubB', 5000]]);
  // Alone, the first registration pays the parties it only names by what it says of them.
  assert.deepEqual(at([a], 'MR', 250), [['pubA', 5000], ['pubB', 2500], ['w2', 2500]]);
});

test('chains come from the Publisher Sequence #, or from the order of E and its followers when none is given', () => {
  const byOrder = registration('e', [
    publisher('e1', 'E', 1, shares(2500), [], { chain: undefined }),
    publisher('am1', 'AM', 1, shares(0), [spt(chain('I2136'), shares(2500))], { chain: undefined }),
    publisher('e2', 'E', 2, shares(2500), [], { chain: undefined }),
    writer('wr', shares(5000)),
  ], [link('wr', 'e1')]);
  // e2 opens its own chain, which has no territory records: it collects its ownership worldwide.
  assert.deepEqual(at([byOrder], 'PR', 36), [['am1', 2500], ['e2', 2500], ['wr', 5000]]);
});
