import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { before } from 'node:test';
import type { Store } from '../../src/store/index.js';
import { readPeriodReports } from '../../src/store/distribution/run-input-queries.js';
import { stagedTables } from '../../src/store/usage/staging-queries.js';
import { discardStaging } from '../../src/usage/use-cases/discard-staging.js';
import { ingestReport } from '../../src/usage/use-cases/ingest-report.js';
import { runClef } from '../cli/run-clef.js';
import { killClefWhen } from '../cli/spawn-clef.js';
import { describeEachEngine, test, withStore } from '../support/engines.js';
import { fixturePath } from '../support/repo-paths.js';
import { tempDir } from '../support/temp-dir.js';

const youTube = fixturePath('dsr', 'DSR_TEST_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv');
let large = '';
let refusedLarge = '';

const dir = tempDir();

before(async () => {
  const generated = await runClef(['usage', 'generate', '--lines', '300000', '--recordings', '2000', '--out', dir]);
  assert.equal(generated.status, 0, generated.stderr);
  large = join(dir, 'reports', readdirSync(join(dir, 'reports'))[0]);
  // The same report with one wrong FOOT count: found only after the last line, when chunks are long committed.
  const text = readFileSync(large, 'utf8');
  const foot = text.lastIndexOf('FOOT\t');
  mkdirSync(join(dir, 'refused'));
  refusedLarge = join(dir, 'refused', readdirSync(join(dir, 'reports'))[0]);
  writeFileSync(refusedLarge, `${text.slice(0, foot)}FOOT\t1\t${text.slice(foot + 5).split('\t').slice(1).join('\t')}`);
});

/** Starts `clef usage ingest FILE --db LOCATION` as its own process and kills it (SIGKILL) once a chunk is committed. */
function ingestAndKill(file: string, location: string): Promise<{ signal: string | null; stderr: string }> {
  return killClefWhen(['usage', 'ingest', file, '--db', location], /lines staged/);
}

async function stagedRows(store: Store): Promise<number> {
  let rows = 0;
  for (const table of stagedTables) {
    const { count } = await store.db.selectFrom(table).select((eb) => eb.fn.countAll<bigint>().as('count')).executeTakeFirstOrThrow();
    rows += Number(count);
  }
  return rows;
}

async function reportStatuses(store: Store): Promise<string[]> {
  return (await store.db.selectFrom('usage_reports').select('status').orderBy('report_id').execute()).map((row) => row.status);
}

const context = (store: Store) => ({ store, actor: 'test', clock: () => '2026-01-01T00:00:00Z' });

describeEachEngine('staging in committed chunks', (_open, _engine, location) => {
  test('an ingestion killed mid-file leaves nothing visible, and the next ingestion or --discard removes what it committed', async () => {
    const db = await location();
    const killed = await ingestAndKill(large, db);
    assert.equal(killed.signal, 'SIGKILL', `the process was killed mid-file, not finished: ${killed.stderr}`);
    await withStore(db, async (store) => {
      assert.deepEqual(await reportStatuses(store), ['staging'], 'the killed file is still staging');
      assert.ok((await stagedRows(store)) >= 40_000, 'its first chunk was committed');
      assert.deepEqual(await readPeriodReports(store.db, '2025-01'), [], 'distribution sees no report');
    });
    const reports = await runClef(['usage', 'reports', '--db', db, '--json']);
    assert.equal(reports.status, 0, reports.stderr);
    assert.deepEqual(JSON.parse(reports.stdout), []);
    const unmatched = await runClef(['usage', 'unmatched', '--db', db, '--json']);
    assert.deepEqual(JSON.parse(unmatched.stdout), [], 'the worklist sees no resource');

    const next = await runClef(['usage', 'ingest', youTube, '--db', db]);
    assert.equal(next.status, 0, next.stderr);
    assert.match(next.stderr, /removed report \d+ \(PADPIDA2011072101T-202501-1\), [\d,]+ lines staged by a process that stopped mid-file/);
    await withStore(db, async (store) => {
      assert.deepEqual(await reportStatuses(store), ['complete'], 'only the new report is left');
      assert.ok((await stagedRows(store)) < 100, 'the killed file\'s rows are gone');
    });

    assert.equal((await ingestAndKill(large, db)).signal, 'SIGKILL');
    const discarded = await runClef(['usage', 'ingest', '--discard', '--db', db, '--json']);
    assert.equal(discarded.status, 0, discarded.stderr);
    const [removed] = JSON.parse(discarded.stdout) as { messageId: string; stagedLines: string }[];
    assert.equal(removed.messageId, 'PADPIDA2011072101T-202501-1');
    assert.ok(BigInt(removed.stagedLines) > 0n);
    await withStore(db, async (store) => assert.deepEqual(await reportStatuses(store), ['complete']));
    const nothingLeft = await runClef(['usage', 'ingest', '--discard', '--db', db]);
    assert.match(nothingLeft.stdout, /0 staging reports removed/);
  });

  test('a large file refused at its FOOT is removed whole although its chunks were committed', async () => {
    const db = await location();
    const staged: number[] = [];
    const outcome = await withStore(db, async (store) => {
      const [result] = await ingestReport(context(store), [refusedLarge], { onStaged: (_file, lines) => void staged.push(lines) });
      assert.equal(await stagedRows(store), 0);
      assert.deepEqual(await reportStatuses(store), []);
      return result;
    });
    assert.ok(staged.length >= 2, 'several chunks were committed before the FOOT was read');
    assert.equal(outcome.outcome, 'refused');
    assert.deepEqual(outcome.errors.map((error) => [error.code, error.location.field]), [['CLEF_DSR_FOOT_COUNT_MISMATCH', 'NumberOfLinesInFile']]);
  });

  test('a staging report whose process is alive is left alone by another cleanup', async () => {
    const db = await location();
    await withStore(db, async (store) => {
      const seen: Awaited<ReturnType<typeof discardStaging>>[] = [];
      const visible: string[][] = [];
      const [outcome] = await ingestReport(context(store), [large], {
        onStaged: async () => {
          if (seen.length > 0) return;
          seen.push(await discardStaging(context(store)));
          visible.push(await reportStatuses(store));
        },
      });
      assert.deepEqual(seen, [[]], 'nothing was discarded while the ingestion lived');
      assert.deepEqual(visible, [['staging']]);
      assert.equal(outcome.outcome, 'staged');
      assert.deepEqual(await reportStatuses(store), ['complete']);
    });
  });
});

/** Splits a generated single-file report into the two files of one report (each with the summaries, its own blocks and FOOT). */
function splitInTwo(file: string, into: string): [string, string] {
  const lines = readFileSync(file, 'utf8').trimEnd().split('\n');
  const head = lines[0].split('\t');
  const summaries = lines.filter((line) => line.startsWith('SY'));
  const blockLines = lines.filter((line) => /^(AS|MW|SU|RE|RU|LI)/.test(line));
  const blocks = [...new Set(blockLines.map((line) => line.split('\t')[1]))];
  const half = new Set(blocks.slice(0, Math.floor(blocks.length / 2)));
  const parts = [blockLines.filter((line) => half.has(line.split('\t')[1])), blockLines.filter((line) => !half.has(line.split('\t')[1]))];
  const reportLines = parts.reduce((sum, part) => sum + part.length + summaries.length + 3, 0);
  mkdirSync(into, { recursive: true });
  return parts.map((part, i) => {
    const header = [...head];
    header[6] = String(i + 1);
    header[7] = '2';
    const blockCount = new Set(part.map((line) => line.split('\t')[1])).size;
    const body = [header.join('\t'), lines[1], ...summaries, ...part];
    body.push(['FOOT', String(body.length + 1), String(reportLines), String(summaries.length), String(blockCount), String(blocks.length)].join('\t'));
    const name = join(into, file.slice(file.lastIndexOf('/') + 1).replace('_1of1_', `_${i + 1}of2_`));
    writeFileSync(name, `${body.join('\n')}\n`);
    return name;
  }) as [string, string];
}

describeEachEngine('staging a multi-file report', (open) => {
  test('the second file\'s staged rows join the report of the first, which is incomplete until then and complete after', async () => {
    const generated = await runClef(['usage', 'generate', '--lines', '400', '--recordings', '40', '--seed', '4', '--out', join(dir, 'multi-source')]);
    assert.equal(generated.status, 0, generated.stderr);
    const source = join(dir, 'multi-source', 'reports', readdirSync(join(dir, 'multi-source', 'reports'))[0]);
    const [first, second] = splitInTwo(source, join(dir, `multi-${Math.random().toString(36).slice(2)}`));
    const store = await open();
    const [one] = await ingestReport(context(store), [first]);
    assert.equal(one.outcome, 'staged', JSON.stringify(one.errors));
    assert.equal(one.reportStatus, 'incomplete');
    const [two] = await ingestReport(context(store), [second]);
    assert.equal(two.outcome, 'staged', JSON.stringify(two.errors));
    assert.equal(two.reportStatus, 'complete');
    assert.equal(two.reportId, one.reportId, 'one report');
    assert.deepEqual(await reportStatuses(store), ['complete'], 'no staging report is left');
    const perFile = await store.db.selectFrom('usage_lines').select(['report_id', 'file_number', (eb) => eb.fn.countAll<bigint>().as('lines')]).groupBy(['report_id', 'file_number']).orderBy('file_number').execute();
    assert.deepEqual(perFile.map((row) => [BigInt(row.report_id), Number(row.file_number)]), [[one.reportId, 1], [one.reportId, 2]]);
    const units = await store.db.selectFrom('usage_matches').select((eb) => eb.fn.sum<bigint>('usage_lines').as('lines')).where('report_id', '=', one.reportId!).executeTakeFirstOrThrow();
    assert.equal(Number(units.lines), perFile.reduce((sum, row) => sum + Number(row.lines), 0), 'matched over both files\' lines');
  });
});
