import assert from 'node:assert/strict';
import { importWorksCwr } from '../../src/registry/use-cases/import-works-cwr.js';
import { openStore } from '../../src/store/index.js';
import { runClef } from '../cli/run-clef.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { writeCwrTestFile, type WorkSpec } from './cwr-generator.js';
import { cmoContext } from './cwr-test-files.js';

const claim = (publisher: { ip: string; name: string; ipi: string }, number: string): WorkSpec => ({
  number, title: 'CONTESTED', iswc: 'T0345246801',
  publishers: [{ ...publisher, society: '052', type: 'E', chain: 1, ownership: [5000, 5000, 5000] }],
  writers: [{ ip: 'W1', lastName: 'LI', firstName: 'WEI', ipi: '00014107338', society: '052', ownership: [5000, 5000, 5000], publisherIp: publisher.ip }],
});

describeEachEngine('clef works disputes', (_open, _engine, location) => {
  test('each submitter lists the counterclaim with --submitter, and `disputes resolve --keep` settles it', async () => {
    const db = await location();
    const store = await openStore(db);
    try {
      const context = await cmoContext(store);
      const dir = tempDir();
      for (const [publisher, number, name] of [[{ ip: 'P1', name: 'STARLIGHT MUSIC', ipi: '00000000199' }, 'S1', 'CW250001AAA_000.V21'], [{ ip: 'R1', name: 'RIVAL MUSIC', ipi: '00000000297' }, 'R1', 'CW250001BBB_000.V21']] as const) {
        await importWorksCwr(context, await writeCwrTestFile(dir, name, { senderIpi: publisher.ipi, senderName: publisher.name, works: [claim(publisher, number)] }));
      }
    } finally {
      await store.close();
    }
    const listed = await runClef(['works', 'disputes', '--submitter', 'PB:00000000297', '--json', '--db', db]);
    assert.equal(listed.status, 0, listed.stderr);
    const { counterclaims } = JSON.parse(listed.stdout) as { counterclaims: { counterclaim_id: string; status: string; registrations: { registration_id: string; submitter_work_number: string }[] }[] };
    assert.deepEqual(counterclaims.map((c) => [c.status, c.registrations.map((r) => r.submitter_work_number)]), [['open', ['S1', 'R1']]]);
    const none = await runClef(['works', 'disputes', '--submitter', 'PB:00000000395', '--db', db]);
    assert.match(none.stdout, /no counterclaim/);
    const { counterclaim_id: id, registrations } = counterclaims[0];
    const resolved = await runClef(['works', 'disputes', 'resolve', id, '--keep', registrations[0].registration_id, '--db', db]);
    assert.equal(resolved.status, 0, resolved.stderr);
    assert.match(resolved.stdout, new RegExp(`${id} resolved: ${registrations[0].registration_id} kept, ${registrations[1].registration_id} set aside`));
    const again = await runClef(['works', 'disputes', 'resolve', id, '--keep', registrations[0].registration_id, '--db', db]);
    assert.equal(again.status, 2);
    assert.match(again.stderr, /CLEF_USAGE_INVALID_ARGUMENT/);
  });
});
