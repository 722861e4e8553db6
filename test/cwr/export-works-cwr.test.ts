import assert from 'node:assert/strict';
import { join } from 'node:path';
import { validateCwrFile } from '../../src/formats/cwr/index.js';
import { exportWorksCwr } from '../../src/registry/use-cases/export-works-cwr.js';
import { importWorksCsv } from '../../src/registry/use-cases/import-works-csv.js';
import { importWorksCwr } from '../../src/registry/use-cases/import-works-cwr.js';
import { runCwrRoundTripDemo } from '../../src/registry/use-cases/cwr-round-trip-demo.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { writeWorksCsv } from '../registry/registry-fixtures.js';
import { comparableRecords } from './cwr-round-trip.js';
import { cmoContext, cwrFixture, cwrLines } from './cwr-test-files.js';

/** The 2.x registration fixtures the round trip must hold on: those Clef accepts (the other one is rejected by design). */
const registrationFixtures = ['CW220001DMP_000.V21'];

describeEachEngine('exporting works as CWR', (open) => {
  for (const name of registrationFixtures) {
    test(`importing ${name} and exporting its works as its sender reproduces its records field by field`, async () => {
      const context = await cmoContext(await open());
      await importWorksCwr(context, cwrFixture(name));
      const out = join(tempDir(), 'round-trip.V21');
      const summary = await exportWorksCwr(context, { version: '2.1', sender: { type: 'PB', ipiNameNumber: '09000000020' }, out });
      assert.equal(summary.works, 1);
      assert.deepEqual(await comparableRecords(out), await comparableRecords(cwrFixture(name)));
      assert.equal(cwrLines(out)[0].slice(0, 14), cwrLines(cwrFixture(name))[0].slice(0, 14));
    });
  }

  test('a CSV-registered work exported as CWR 2.2 by the CMO validates, and importing that file elsewhere writes it back the same', async () => {
    const context = await cmoContext(await open());
    const dir = tempDir();
    await importWorksCsv(context, writeWorksCsv(dir, 'works.csv', [
      'A1,River of Stars,T-034.524.680-1,human,human,human,CA,00014107338,LI Wei,50,50,50,I2136 E0250,E,00000000199,Starlight Music,50,50,50,,CNRC10000001,River of Stars,Li Wei',
    ]), { submitter: { kind: 'cmo', societyCode: '052' } });
    const summary = await exportWorksCwr(context, { version: '2.2', out: dir });
    assert.match(summary.path, /CW\d{2}0001052_000\.V22$/);
    const report = await validateCwrFile(summary.path);
    assert.deepEqual(report.findingList.filter((f) => f.severity !== 'FR'), []);
    const nwr = cwrLines(summary.path).find((line) => line.startsWith('NWR'))!;
    assert.equal(nwr.slice(81, 95).trim(), 'W00000001');

    const other = await cmoContext(await open());
    const imported = await importWorksCwr(other, summary.path);
    assert.equal(imported.created, 1);
    const again = join(dir, 'again.V22');
    await exportWorksCwr(other, { version: '2.2', sender: { type: 'SO', societyCode: '052' }, out: again });
    assert.deepEqual(await comparableRecords(again), await comparableRecords(summary.path));
  });
});

describeEachEngine('the CWR round trip demo', (open) => {
  test('imports the fixture with its ACK and sends its work on as the CMO', async () => {
    const context = await cmoContext(await open());
    const dir = tempDir();
    const { imported, exported } = await runCwrRoundTripDemo(context, cwrFixture('CW220001DMP_000.V21'), dir);
    assert.deepEqual([imported.created, exported.works], [1, 1]);
    assert.deepEqual((await validateCwrFile(imported.ackPath!)).findingList, []);
    assert.deepEqual((await validateCwrFile(exported.path)).findingList, []);
  });
});
