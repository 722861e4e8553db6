import assert from 'node:assert/strict';
import { importAcks } from '../../src/registry/use-cases/import-acks.js';
import { importWorksCsv } from '../../src/registry/use-cases/import-works-csv.js';
import { searchWorks } from '../../src/registry/use-cases/search-works.js';
import { showWork } from '../../src/registry/use-cases/show-work.js';
import { writeWorksCsv } from '../registry/registry-fixtures.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { cmoContext, cwrFixture } from './cwr-test-files.js';

const publisher = { kind: 'publisher', ipiNameNumber: '00000000199' } as const;

/** Registers works under the submitter work numbers the fixtures acknowledge. */
async function registerSent(context: Awaited<ReturnType<typeof cmoContext>>, numbers: readonly string[]): Promise<void> {
  const rows = numbers.map((n, i) => `${n},Sent Work ${i + 1},,human,human,human,CA,00014107338,LI Wei,100,100,100,,,,,,,,,,,`);
  await importWorksCsv(context, writeWorksCsv(tempDir(), 'sent.csv', rows), { submitter: publisher });
}

describeEachEngine('importing societies\' acknowledgements', (open) => {
  test('stores the PRS status, work number and ISWC, and reports the second work claiming the same ISWC', async () => {
    const context = await cmoContext(await open());
    await registerSent(context, ['MK000003', 'MK000004']);
    const summary = await importAcks(context, cwrFixture('CW220001000_DMP.V21'));
    assert.deepEqual([summary.societyCode, summary.read, summary.stored, summary.reported], ['052', 2, 1, 1]);
    assert.equal(summary.findings[0].code, 'CLEF_CWR_ACK_ISWC_CONFLICT');
    const work = await showWork(context, 'T3005600277');
    assert.equal(work.title, 'Sent Work 1');
    assert.deepEqual(work.society_numbers.map((s) => [s.society, s.work_number, s.status]), [['052', '337739ES', 'AS']]);
    const hits = await searchWorks(context, '337739ES');
    assert.equal(hits[0]?.work_id, work.work_id);
    const other = await showWork(context, 'MK000004').catch(() => undefined);
    assert.equal(other, undefined);
    const again = await importAcks(context, cwrFixture('CW220001000_DMP.V21'));
    assert.deepEqual([again.duplicate, again.stored], [true, 0]);
  });

  test('reports the BMI acknowledgements of unknown works and its ISWCs with bad check digits, storing the rest', async () => {
    const context = await cmoContext(await open());
    await registerSent(context, ['MK000001', 'MK000002', 'DMP000026']);
    const summary = await importAcks(context, cwrFixture('CW220001052_DMP.V21'));
    const reported = summary.findings.map((f) => `${f.location.line} ${f.code}`);
    assert.equal(summary.societyCode, '021');
    assert.ok(reported.includes('3 CLEF_CWR_ACK_WORK_UNKNOWN'), reported.join('\n'));
    const badIswcs = new Set(summary.findings.filter((f) => f.code === 'CLEF_CWR_ISWC_INVALID').map((f) => f.message.split(':')[0]));
    assert.deepEqual([...badIswcs].sort(), ['ISWC T1234567893', 'ISWC T3221234234']);
    assert.deepEqual(reported.filter((r) => r.endsWith('ACK_WORK_UNKNOWN')), ['3 CLEF_CWR_ACK_WORK_UNKNOWN', '4 CLEF_CWR_ACK_WORK_UNKNOWN', '6 CLEF_CWR_ACK_WORK_UNKNOWN', '7 CLEF_CWR_ACK_WORK_UNKNOWN']);
    const [hit] = await searchWorks(context, 'Sent Work 3');
    const work = await showWork(context, hit.work_id);
    assert.deepEqual(work.society_numbers, []);
    assert.deepEqual(work.iswc, null);
    assert.equal(summary.stored, 1);
    assert.equal(summary.stored + summary.reported, summary.read);
  });
});
