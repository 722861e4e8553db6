import assert from 'node:assert/strict';
import { ipiNameNumberWithCheckDigits } from '../../src/identifiers/index.js';
import { nameKey } from '../../src/registry/match-key.js';
import { parseWorksCsvRow } from '../../src/registry/use-cases/parse-works-csv-row.js';
import { registerWorks, workIdentityKey } from '../../src/registry/use-cases/register-works.js';
import { stageWorksImport } from '../../src/registry/use-cases/staged-works-import.js';
import { readCurrentRegistrations } from '../../src/store/registry/registration-queries.js';
import { findByLookupKeys, readCurrentRegistrationsOfWorks, type LookupKeys } from '../../src/store/registry/lookup-key-queries.js';
import { describeEachEngine, test } from '../support/engines.js';
import { testContext, worksHeader } from './registry-fixtures.js';

const writer = ipiNameNumberWithCheckDigits('000412345');
const submitter = { kind: 'society', societyCode: '119' } as const;

/** A works CSV row as the import parses it: a writer with an IPI, one known by name only, an ISWC and a recording. */
function submission(number: string, line: number) {
  const cells = [number, 'Lantern Over Water', 'T0345246801', 'human', 'human', 'human', 'CA', writer, 'Ada Staged', '50', '50', '50', '', 'CA', '', 'Nameonly Writer', '50', '50', '50', '', 'GBAYE2600001', 'Lantern Over Water', 'Staged Band'];
  const row = Object.fromEntries(worksHeader.split(',').map((column, i) => [column, cells[i]]));
  const parsed = parseWorksCsvRow(row, { file: 'lookup.csv', line }, submitter);
  assert.ok(parsed.submission, JSON.stringify(parsed.findings));
  return parsed.submission;
}

const first = submission('S1', 2);
const [titleKey, creatorKey] = [workIdentityKey(first).split('|')[0], workIdentityKey(first).split('|').slice(1).join('|')];
const keys: LookupKeys = {
  ipis: [writer],
  nameKeys: [nameKey('Nameonly Writer')],
  revisions: [{ submitterId: '119', submitterWorkNumber: 'S1' }],
  iswcs: ['T0345246801'],
  identities: [{ titleKey, creatorKey }],
  isrcs: ['GBAYE2600001'],
};

describeEachEngine('set-based lookups of a works import', (open) => {
  test('every kind of key an earlier chunk of the same import staged is found by its join, its registration read back whole, and the registry alone finds none', async () => {
    const store = await open();
    const context = testContext(store);
    await stageWorksImport(context, 'lookup.csv', {}, async (staging) => {
      const [outcome] = await staging.chunk((db, staged) => registerWorks(staged, db, [first]));
      assert.equal(outcome.status, 'created');
      const found = await staging.chunk((db, staged) => findByLookupKeys(db, staged.store.engine, keys));
      const parties = await staging.chunk((db) => db.selectFrom('parties').select(['party_id', 'name']).orderBy('party_id').execute());
      assert.deepEqual(parties.map((party) => party.name), ['Ada Staged', 'Nameonly Writer'], 'the chunk staged both parties');
      assert.deepEqual([...found.partyByIpi], [[writer, parties[0].party_id]]);
      assert.deepEqual([...found.partyByNameKey], [[nameKey('Nameonly Writer'), parties[1].party_id]]);
      assert.deepEqual([...found.registrationByRevision], [['119|S1', { registration_id: outcome.registrationId, work_id: outcome.workId }]]);
      assert.deepEqual([...found.workByIswc], [['T0345246801', outcome.workId]]);
      assert.deepEqual([...found.workByIdentity], [[workIdentityKey(first), outcome.workId]]);
      assert.deepEqual(found.recordingsByIsrc.map((recording) => [recording.isrc, recording.title]), [['GBAYE2600001', 'Lantern Over Water']]);

      const [joined, byId] = await staging.chunk(async (db, staged) => [await readCurrentRegistrationsOfWorks(db, staged.store.engine, [outcome.workId!, 'W99999999']), await readCurrentRegistrations(db, [outcome.workId!])]);
      assert.deepEqual(joined.map((read) => [read.registration.registration_id, read.parties.map((party) => party.party_seq)]), [[outcome.registrationId, [1, 2]]]);
      assert.deepEqual(joined, byId, 'the join reads what the reader by id reads');

      const registry = await store.db.transaction().execute((tx) => findByLookupKeys(tx, store.engine, keys));
      assert.deepEqual([registry.partyByIpi.size, registry.partyByNameKey.size, registry.registrationByRevision.size, registry.workByIswc.size, registry.workByIdentity.size, registry.recordingsByIsrc.length], [0, 0, 0, 0, 0, 0]);
      assert.equal((await store.db.selectFrom('lookup_keys').select('key').execute()).length, 0, 'no key outlives its transaction');

      const [revised] = await staging.chunk((db, staged) => registerWorks(staged, db, [submission('S1', 3)]));
      assert.equal(revised.status, 'revised', 'the second chunk revises the registration the first staged');
      assert.equal(revised.workId, outcome.workId);
    });
  });

  test('a revision revises only a current registration, and a name lookup skips parties that have an IPI', async () => {
    const store = await open();
    const context = testContext(store);
    const [created] = await store.db.transaction().execute((tx) => registerWorks(context, tx, [first]));
    const [revised] = await store.db.transaction().execute((tx) => registerWorks(context, tx, [submission('S1', 3)]));
    assert.equal(revised.status, 'revised');
    const found = await store.db.transaction().execute((tx) => findByLookupKeys(tx, store.engine, { revisions: keys.revisions, nameKeys: [nameKey('Ada Staged'), nameKey('Nameonly Writer')] }));
    assert.deepEqual([...found.registrationByRevision], [['119|S1', { registration_id: revised.registrationId, work_id: created.workId }]]);
    assert.deepEqual([...found.partyByNameKey.keys()], [nameKey('Nameonly Writer')]);
  });
});
