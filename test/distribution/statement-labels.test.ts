import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importWorksCsv } from '../../src/registry/use-cases/import-works-csv.js';
import { openStore } from '../../src/store/index.js';
import { runClef } from '../cli/run-clef.js';
import { cwrFixture } from '../cwr/cwr-test-files.js';
import { writeWorksCsv } from '../registry/registry-fixtures.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { ingest, januaryBlocks, januaryReport, preparedLocation } from './distribution-setup.js';

/** A work the CMO sent as MK000003 without an ISWC (the PRS acknowledgement fixture gives it one), recorded on a January line. */
const sentWork = ['MK000003', 'Sent Work One', '', 'human', 'human', 'human', 'CA', '00012345036', '"LI, Wei"', '100', '100', '100', '', '', '', '', '', '', '', '', 'CNA1M2600099', 'Sent Work One', 'Li Wei'].join(',');
const blocks = [...januaryBlocks, { isrc: 'CNA1M2600099', title: 'Sent Work One', artist: 'Li Wei', summaryId: '2', streams: 200 }];

async function clef(...args: string[]): Promise<string> {
  const result = await runClef(args);
  assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
  return result.stdout;
}

/** Every file of a folder, by name. */
function filesOf(dir: string): Map<string, string> {
  return new Map(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

describeEachEngine('statements from what the run owns', (_open, _engine, location) => {
  test('rewriting a run\'s statements after an ACK import, a merge and a rename gives the same bytes', async () => {
    const db = await preparedLocation(location, [], async (context) => {
      await importWorksCsv(context, writeWorksCsv(tempDir(), 'sent.csv', [sentWork]), { submitter: { kind: 'cmo', societyCode: '119' } });
      await ingest(context, januaryReport(blocks));
    });
    const { run_id: runId } = JSON.parse(await clef('distribute', '--period', '2025-01', '--json', '--db', db)) as { run_id: string };
    const before = tempDir();
    await clef('statements', '--run', runId, '--out', before, '--db', db);
    const li = [...filesOf(before)].find(([name, text]) => name.endsWith('.json') && text.includes('00012345036'))!;
    const statement = JSON.parse(li[1]) as { payee: { name: string }; lines: { title: string; iswc: string | null }[] };
    assert.equal(statement.payee.name, 'LI, Wei');
    const sentLines = statement.lines.filter((l) => l.title === 'Sent Work One');
    assert.ok(sentLines.length > 0 && sentLines.every((l) => l.iswc === null), 'the sent work was paid before it had an ISWC');

    const [sent] = JSON.parse(await clef('works', 'search', 'Sent Work One', '--json', '--db', db)) as { work_id: string }[];
    await clef('acks', 'import', cwrFixture('CW220001000_DMP.V21'), '--db', db);
    assert.match(await clef('works', 'show', sent.work_id, '--json', '--db', db), /T3005600277/);
    await clef('works', 'merge', 'T3452468650', sent.work_id, '--db', db);
    assert.equal((await runClef(['works', 'show', sent.work_id, '--db', db])).status, 1, 'the merged work is gone from the registry');
    const store = await openStore(db);
    try {
      const li = await store.db.selectFrom('party_ipi_names').select('party_id').where('ipi_name_number', '=', '00012345036').executeTakeFirstOrThrow();
      // No command renames a party yet; the registry's row is changed as a future one would.
      await store.db.updateTable('parties').set({ name: 'LEE' }).where('party_id', '=', li.party_id).execute();
    } finally {
      await store.close();
    }

    const after = tempDir();
    await clef('statements', '--run', runId, '--out', after, '--db', db);
    assert.deepEqual(filesOf(after), filesOf(before));
    const figures = JSON.parse(await clef('runs', 'show', runId, '--json', '--db', db)) as { parties: { name: string; ipi_name_numbers: string[] }[] };
    assert.equal(figures.parties.find((p) => p.ipi_name_numbers.includes('00012345036'))?.name, 'LI, Wei');
  });

  test('a run booked before labels were recorded with runs reads the registry as it is now', async () => {
    const db = await preparedLocation(location, [januaryReport()]);
    const { run_id: runId } = JSON.parse(await clef('distribute', '--period', '2025-01', '--json', '--db', db)) as { run_id: string };
    const store = await openStore(db);
    try {
      await store.db.updateTable('distribution_runs').set({ labels_recorded: null }).where('run_id', '=', runId).execute();
      await store.db.updateTable('works').set({ title: 'Golden Hour (renamed)' }).where('title', '=', 'Golden Hour').execute();
    } finally {
      await store.close();
    }
    const out = tempDir();
    await clef('statements', '--run', runId, '--out', out, '--db', db);
    const texts = [...filesOf(out).values()].join('\n');
    assert.match(texts, /Golden Hour \(renamed\)/);
    assert.match(texts, /LI, Wei/);
  });
});
