import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createTerritoryResolver, loadLookups } from '../lookups/index.js';
import { consolidateShares } from './consolidate-shares.js';
import type { Registration, RegistrationParty } from './registration.js';
import { applyShareDecision, checkShareDecision, parseShareDecision } from './share-decision.js';

test('reads one split per right as basis points by IPI, and refuses what is malformed or over 100 %', () => {
  const decision = parseShareDecision(['PR:00012347128=33.33,00012347814=16.67', 'mr:00012347128=50']);
  assert.deepEqual([...decision.get('PR')!], [['00012347128', 3333], ['00012347814', 1667]]);
  assert.deepEqual([...decision.get('MR')!], [['00012347128', 5000]]);
  for (const bad of [['PR:1=60,2=50'], ['PR:1=50', 'PR:2=50'], ['PR:1=50,1=10'], ['PR:1=33.333'], ['PR:1'], ['XX:1=1'], []]) {
    assert.throws(() => parseShareDecision(bad), { code: 'CLEF_REGISTRY_RESOLUTION_INVALID' }, bad.join(' '));
  }
});

const resolve = createTerritoryResolver(loadLookups().territories);
const all = { PR: 5000, MR: 5000, SR: 5000 };
const party = (partyId: string, kind: 'writer' | 'publisher'): RegistrationParty => ({ partyId, kind, role: kind === 'writer' ? 'CA' : 'E', controlled: true, ownership: all, collection: [], affiliations: [] });

/** The same writer, each registration with its own publisher claiming the other half: a counterclaim. */
function registration(id: string, publisher: string): Registration {
  return { id, workId: 'W1', submitter: { kind: 'member', partyId: publisher }, submitterWorkNumber: id, source: 'CWR', receivedAt: `2025-01-0${id.slice(1)}`, parties: [party('WRITER', 'writer'), party(publisher, 'publisher')], publisherLinks: [] };
}

test('a decision pays the contested parties its shares and holds nothing; one naming a party nobody contests is refused', () => {
  const picture = consolidateShares([registration('G1', 'PUB1'), registration('G2', 'PUB2')], resolve);
  assert.equal(picture.inDispute, true);
  const split = (pr: [string, number][]) => new Map(['PR', 'MR', 'SR'].map((r) => [r as 'PR', new Map(pr)]));
  const label = (id: string) => id;
  checkShareDecision(picture, split([['PUB1', 3000], ['PUB2', 2000]]), label);
  const decided = applyShareDecision(picture, split([['PUB1', 3000], ['PUB2', 2000]]));
  assert.equal(decided.inDispute, false);
  const pr = decided.cells.find((c) => c.right === 'PR')!;
  assert.deepEqual(pr.claims.map((c) => [c.partyId, c.share, c.contested]), [['WRITER', 5000, false], ['PUB1', 3000, false], ['PUB2', 2000, false]]);
  assert.deepEqual([pr.held, pr.undocumented], [0, 0]);
  assert.throws(() => checkShareDecision(picture, split([['PUB1', 3000], ['PUB2', 2010]]), label), { code: 'CLEF_REGISTRY_RESOLUTION_INVALID' });
  assert.throws(() => checkShareDecision(picture, split([['PUB1', 5000], ['PUB2', 0], ['WRITER', 0]]), label), { code: 'CLEF_REGISTRY_RESOLUTION_INVALID' });
  assert.throws(() => checkShareDecision(picture, split([['PUB1', 5000]]), label), { code: 'CLEF_REGISTRY_RESOLUTION_INVALID' });
  assert.deepEqual(applyShareDecision(picture, split([['PUB1', 5000]])), picture, 'a decision leaving a contested party out decides nothing');
});
