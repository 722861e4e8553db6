import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { copyFileSync, createWriteStream, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { validateCwrFile } from '../../src/formats/cwr/index.js';
import { importWorksCwr } from '../../src/registry/use-cases/import-works-cwr.js';
import { searchWorks } from '../../src/registry/use-cases/search-works.js';
import { showWork } from '../../src/registry/use-cases/show-work.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { cmoContext, cwrFixture, cwrLines, writeCwrLines } from './cwr-test-files.js';

/** The ACK records of an ACK file: [status, submitter creation #, recipient creation #]. */
function ackStatuses(path: string): string[][] {
  return cwrLines(path)
    .filter((line) => line.startsWith('ACK'))
    .map((line) => [line.slice(157, 159), line.slice(107, 127).trim(), line.slice(127, 147).trim()]);
}

describeEachEngine('importing CWR registration files', (open) => {
  test('registers the clean 2.1 fixture and answers AS with the work id, in an ACK Clef validates without a finding', async () => {
    const context = await cmoContext(await open());
    const ack = join(tempDir(), 'CW220001052_DMP.V21');
    const summary = await importWorksCwr(context, cwrFixture('CW220001DMP_000.V21'), { ackPath: ack });
    assert.deepEqual([summary.transactions, summary.created, summary.rejected, summary.refused], [1, 1, 0, false]);
    const [[status, submitterNumber, workNumber]] = ackStatuses(ack);
    assert.deepEqual([status, submitterNumber], ['AS', 'DMP000001']);
    const work = await showWork(context, workNumber);
    assert.equal(work.iswc, 'T1234567894');
    assert.equal(work.registrations[0].submitter.id, '09000000020');
    assert.deepEqual(work.registrations[0].parties.map((p) => [p.name, p.controlled, p.ownership_bp.PR]), [
      ['TEST PUBLISHER', true, 3750], ['UNKNOWN PUBLISHER', false, 1250], ['KOLARIC, MATIJA', true, 2500], ['OTHER, ANN', true, 2500], ['UNKNOWN WRITER', false, 0],
    ]);
    assert.ok(readFileSync(ack, 'latin1').includes('T1234567894'));
    const report = await validateCwrFile(ack);
    assert.deepEqual(report.findingList, []);
    assert.equal(report.transactions, 1);
  });

  test('rejects the fixture with two planted errors, registers nothing and names both errors in MSG records', async () => {
    const context = await cmoContext(await open());
    const ack = join(tempDir(), 'ack.V21');
    const summary = await importWorksCwr(context, cwrFixture('CW220004DMP_000.V21'), { ackPath: ack });
    assert.deepEqual([summary.created, summary.rejected, summary.refused], [0, 1, false]);
    assert.deepEqual(await searchWorks(context, 'MUSIC PUB CARTOONS'), []);
    assert.deepEqual(ackStatuses(ack).map(([status]) => status), ['RJ']);
    const messages = cwrLines(ack).filter((line) => line.startsWith('MSG'));
    assert.equal(messages.length, 2);
    assert.match(messages[0], /SPT.*no territory/);
    assert.match(messages[1], /SWT.*not numeric/);
    // The ACK itself is well formed: the only findings are the two errors of the transaction it echoes.
    const report = await validateCwrFile(ack);
    assert.deepEqual(report.findingList.map((f) => f.code).sort(), ['CLEF_CWR_SHARE_NOT_NUMERIC', 'CLEF_CWR_TERRITORY_NONE']);
  });

  test('answers DU to a file imported a second time and does not count it twice', async () => {
    const context = await cmoContext(await open());
    const first = await importWorksCwr(context, cwrFixture('CW220001DMP_000.V21'));
    const ack = join(tempDir(), 'again.V21');
    const second = await importWorksCwr(context, cwrFixture('CW220001DMP_000.V21'), { ackPath: ack });
    assert.deepEqual([first.created, second.duplicate, second.created, second.revised], [1, true, 0, 0]);
    const [[status, , workNumber]] = ackStatuses(ack);
    assert.equal(status, 'DU');
    const work = await showWork(context, workNumber);
    assert.equal(work.registrations.length, 1);
  });

  test('answers DU to the same file sent again under another name, found by its digest once it is read', async () => {
    const context = await cmoContext(await open());
    const first = await importWorksCwr(context, cwrFixture('CW220001DMP_000.V21'));
    const dir = tempDir();
    const renamed = join(dir, 'CW220002DMP_000.V21');
    copyFileSync(cwrFixture('CW220001DMP_000.V21'), renamed);
    const ack = join(dir, 'ack.V21');
    const second = await importWorksCwr(context, renamed, { ackPath: ack });
    assert.deepEqual([second.duplicate, second.created, second.digest], [true, 0, first.digest]);
    const [[status, , workNumber]] = ackStatuses(ack);
    assert.equal(status, 'DU');
    assert.equal((await showWork(context, workNumber)).registrations.length, 1);
  });

  test('refuses a truncated file whole: nothing registered, every transaction RJ, exit-worthy', async () => {
    const context = await cmoContext(await open());
    const lines = cwrLines(cwrFixture('CW220001DMP_000.V21'));
    const dir = tempDir();
    const ack = join(dir, 'ack.V21');
    const summary = await importWorksCwr(context, writeCwrLines(dir, 'CW220009DMP_000.V21', lines.slice(0, -1)), { ackPath: ack });
    assert.equal(summary.refused, true);
    assert.ok(summary.findings.some((f) => f.code === 'CLEF_CWR_TRAILER_MISSING' && f.severity === 'ER'));
    assert.deepEqual(await searchWorks(context, 'MUSIC PUB CARTOONS'), []);
    assert.deepEqual(ackStatuses(ack).map(([status]) => status), ['RJ']);
  });

  test('a REV from the same submitter revises its registration and is answered RA', async () => {
    const context = await cmoContext(await open());
    const first = await importWorksCwr(context, cwrFixture('CW220001DMP_000.V21'));
    const dir = tempDir();
    const lines = cwrLines(cwrFixture('CW220001DMP_000.V21')).map((line) =>
      line.startsWith('GRHNWR') ? `GRHREV${line.slice(6)}` : line.startsWith('NWR') ? `REV${line.slice(3)}` : line.startsWith('ALT0000000000000011') ? line.replace('MPC ACADEMY', 'MPC COLLEGE') : line,
    );
    const ack = join(dir, 'ack.V21');
    const summary = await importWorksCwr(context, writeCwrLines(dir, 'CW220002DMP_000.V21', lines), { ackPath: ack });
    assert.deepEqual([first.created, summary.revised, summary.created], [1, 1, 0]);
    assert.equal(ackStatuses(ack)[0][0], 'AS', 'an accepted revision is AS: RA is not "revision accepted"');
    const work = await showWork(context, 'T1234567894');
    assert.deepEqual(work.registrations.map((r) => r.status).sort(), ['current', 'revised']);
  });

  test('a second submitter sending the very same registration agrees with the first: answered AS, no dispute', async () => {
    const context = await cmoContext(await open());
    await importWorksCwr(context, cwrFixture('CW220001DMP_000.V21'));
    const ack = join(tempDir(), 'ack.V21');
    const dir = tempDir();
    const other = writeCwrLines(dir, 'CW220001XYZ_000.V21', cwrLines(cwrFixture('CW220001DMP_000.V21')).map((line) => (line.startsWith('HDR') ? `HDRPB000000199${line.slice(14)}` : line)));
    const disputed = await importWorksCwr(context, other, { ackPath: ack });
    assert.deepEqual([disputed.added, disputed.disputed], [1, 0]);
    assert.equal(ackStatuses(ack)[0][0], 'AS');
  });

  test('reads a clean file once: given as a pipe, which can be read only once, it is registered with its ACK', { timeout: 60_000 }, async () => {
    const context = await cmoContext(await open());
    const dir = tempDir();
    const pipe = join(dir, 'CW220001DMP_000.V21');
    execFileSync('mkfifo', [pipe]);
    // Opening a pipe to write waits for its reader: the import.
    const writer = createWriteStream(pipe);
    writer.end(readFileSync(cwrFixture('CW220001DMP_000.V21')));
    const ack = join(dir, 'ack.V21');
    const summary = await importWorksCwr(context, pipe, { ackPath: ack });
    assert.deepEqual([summary.transactions, summary.created, summary.refused, summary.duplicate], [1, 1, false, false]);
    assert.deepEqual(ackStatuses(ack).map(([status]) => status), ['AS']);
  });

  test('a group its trailer rejects, found after its transactions were read, registers nothing and is answered RJ', async () => {
    const context = await cmoContext(await open());
    const lines = cwrLines(cwrFixture('CW220001DMP_000.V21'));
    const at = lines.findIndex((line) => line.startsWith('GRT'));
    // The GRT claims two transactions where the group has one.
    lines[at] = `${lines[at].slice(0, 8)}00000002${lines[at].slice(16)}`;
    const dir = tempDir();
    const ack = join(dir, 'ack.V21');
    const summary = await importWorksCwr(context, writeCwrLines(dir, 'CW220010DMP_000.V21', lines), { ackPath: ack });
    assert.deepEqual([summary.created, summary.rejected, summary.refused], [0, 1, false]);
    assert.ok(summary.findings.some((f) => f.code === 'CLEF_CWR_COUNT_MISMATCH' && f.severity === 'GR'));
    assert.deepEqual(ackStatuses(ack).map(([status]) => status), ['RJ']);
    assert.deepEqual(await searchWorks(context, 'MUSIC PUB CARTOONS'), []);
    // Nothing of the file was kept: imported again (corrected), it is registered, not answered DU.
    const again = await importWorksCwr(context, cwrFixture('CW220001DMP_000.V21'));
    assert.deepEqual([again.created, again.duplicate], [1, false]);
  });
});
