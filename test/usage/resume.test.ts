import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { before } from 'node:test';
import { sql } from 'kysely';
import { isClefError } from '../../src/errors/index.js';
import type { Store } from '../../src/store/index.js';
import { stagedTables } from '../../src/store/usage/staging-queries.js';
import { generateUsage } from '../../src/usage/generate-usage/generate-usage.js';
import { ingestReport } from '../../src/usage/use-cases/ingest-report.js';
import { loadGeneratedCatalogue } from '../../src/usage/use-cases/load-generated-catalogue.js';
import { resumeIngestion } from '../../src/usage/use-cases/resume-ingestion.js';
import { runClef } from '../cli/run-clef.js';
import { killClefWhen } from '../cli/spawn-clef.js';
import { describeEachEngine, test, withStore } from '../support/engines.js';
import { fixturePath } from '../support/repo-paths.js';
import { tempDir } from '../support/temp-dir.js';

const recordings = 500;
const seed = 13;
const dir = tempDir();
const youTube = fixturePath('dsr', 'DSR_TEST_YouTube_AdSupport-music_2015-Q4_IS_1of1_20160121T150926.tsv');
/** A generated report the engine's loader takes. */
let report = '';
/** The same report with CR LF line ends: the TypeScript reader takes it, committing a chunk about every 50,000 rows. */
let crlf = '';
/** The CR LF report with a wrong FOOT line count: refused only once its last line is read. */
let wrongAtEnd = '';

function inFolder(folder: string, name: string, text: string): string {
  mkdirSync(join(dir, folder), { recursive: true });
  const path = join(dir, folder, name);
  writeFileSync(path, text);
  return path;
}

before(async () => {
  report = (await generateUsage({ out: dir, lines: 80_000, recordings, seed })).reportFile;
  const text = readFileSync(report, 'utf8');
  crlf = inFolder('crlf', basename(report), text.replace(/\n/g, '\r\n'));
  const foot = text.lastIndexOf('FOOT\t');
  const wrong = `${text.slice(0, foot)}FOOT\t1\t${text.slice(foot + 5).split('\t').slice(1).join('\t')}`;
  wrongAtEnd = inFolder('wrong-at-end', basename(report), wrong.replace(/\n/g, '\r\n'));
});

const context = (store: Store) => ({ store, actor: 'test', clock: () => '2026-01-01T00:00:00Z' });

/** A fresh store holding the generated catalogue, so that matching finds recordings and works. */
async function storeWithCatalogue(location: () => Promise<string>): Promise<string> {
  const db = await location();
  await withStore(db, (store) => loadGeneratedCatalogue(store, { recordings, seed }));
  return db;
}

/** Runs a real `clef usage ingest FILE` and kills it once its first chunk is committed. */
async function killMidFile(file: string, db: string): Promise<void> {
  const killed = await killClefWhen(['usage', 'ingest', file, '--db', db], /lines staged/);
  assert.equal(killed.signal, 'SIGKILL', `the process was killed mid-file, not finished: ${killed.stderr}`);
}

const canonical = (row: Record<string, unknown>): string =>
  JSON.stringify(Object.entries(row).filter(([key]) => key !== 'report_id' && !key.endsWith('_at')).sort(([a], [b]) => a.localeCompare(b)), (_key, value) => (typeof value === 'bigint' ? String(value) : value));

/** Each table's row count and a digest of its rows in any order, report ids and times left out. */
async function tableDigests(store: Store, tables: readonly string[]): Promise<Record<string, { rows: number; digest: string }>> {
  const digests: Record<string, { rows: number; digest: string }> = {};
  for (const table of tables) {
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(table)}`.execute(store.db);
    const hash = createHash('sha256');
    for (const row of rows.map(canonical).sort()) hash.update(row).update('\n');
    digests[table] = { rows: rows.length, digest: hash.digest('hex') };
  }
  return digests;
}

/** What an ingestion left in a store: the reports and their files, every staged row, the matches. */
async function ingestionIn(store: Store) {
  return {
    reports: (await store.db.selectFrom('usage_reports').selectAll().execute()).map(canonical),
    files: (await store.db.selectFrom('usage_report_files').selectAll().execute()).map(canonical),
    tables: await tableDigests(store, [...stagedTables, 'usage_matches', 'usage_medley_parts', 'dsp_resource_matches']),
  };
}

async function stagingReports(store: Store) {
  return store.db.selectFrom('usage_reports').select(['report_id', 'status', 'staged_file', 'staged_lines', 'resume_line']).orderBy('report_id').execute();
}

async function stagedRowCount(store: Store): Promise<number> {
  return Object.values(await tableDigests(store, stagedTables)).reduce((sum, table) => sum + table.rows, 0);
}

async function loaderScratchTables(store: Store): Promise<string[]> {
  const { rows } = await sql<{ table_name: string }>`select table_name from information_schema.tables where table_name like 'usage_load_%'`.execute(store.db);
  return rows.map((row) => row.table_name);
}

/** A clean ingestion of `file` into a store of its own, through the same command. */
async function cleanIngestion(location: () => Promise<string>, file: string) {
  const db = await storeWithCatalogue(location);
  const ingested = await runClef(['usage', 'ingest', file, '--db', db]);
  assert.equal(ingested.status, 0, ingested.stderr);
  return withStore(db, ingestionIn);
}

describeEachEngine('resuming an ingestion that was killed mid-file', (_open, _engine, location) => {
  test('a file killed mid-file is resumed from its last commit (a resume killed in turn too) and ends as its clean ingestion; a changed file or one never staged is refused, touching nothing', async () => {
    const db = await storeWithCatalogue(location);
    await killMidFile(crlf, db);
    const left = await withStore(db, async (store) => ({ reports: await stagingReports(store), rows: await stagedRowCount(store), ingestion: await ingestionIn(store) }));
    assert.equal(left.reports.length, 1);
    const [staging] = left.reports;
    assert.equal(staging.status, 'staging');
    assert.equal(staging.staged_file, basename(crlf), 'the staging report names the file it stages');
    const resumeLine = Number(staging.resume_line);
    assert.ok(resumeLine > 40_000, `a chunk's rows are kept to resume from (resume line ${resumeLine})`);
    assert.ok(left.rows >= 40_000, 'the committed chunks are there');

    // The same name in another folder with other bytes, and an exact copy with another modification time.
    const changed = inFolder('changed', basename(crlf), readFileSync(crlf, 'utf8').replace(/\r\nFOOT/, '\r\n#changed\r\nFOOT'));
    mkdirSync(join(dir, 'copied'), { recursive: true });
    const copied = join(dir, 'copied', basename(crlf));
    copyFileSync(crlf, copied);
    for (const file of [changed, copied]) {
      const refused = await runClef(['usage', 'ingest', '--resume', file, '--db', db]);
      assert.equal(refused.status, 1, refused.stderr);
      assert.match(refused.stderr, /CLEF_USAGE_RESUME_MISMATCH/);
      assert.match(refused.stderr, new RegExp(`${file.replace(/[.\\/]/g, '\\$&')}: changed since report ${staging.report_id} .*clef usage ingest --discard`));
    }
    const never = await runClef(['usage', 'ingest', '--resume', youTube, '--db', db]);
    assert.equal(never.status, 1, never.stderr);
    assert.match(never.stderr, /CLEF_USAGE_RESUME_MISMATCH.*no staging report left by a stopped ingestion is of DSR_TEST_YouTube/);
    await withStore(db, async (store) => assert.deepEqual(await ingestionIn(store), left.ingestion, 'the refusals touched nothing'));

    // A resume killed in turn, once it has removed the open block's rows, is resumed again.
    const killedResume = await killClefWhen(['usage', 'ingest', '--resume', crlf, '--db', db], /resuming report/);
    assert.equal(killedResume.signal, 'SIGKILL', killedResume.stderr);
    assert.match(killedResume.stderr, new RegExp(`resuming report ${staging.report_id}: the rows of lines before ${resumeLine.toLocaleString('en')} are kept`));
    const resumed = await runClef(['usage', 'ingest', '--resume', crlf, '--db', db, '--json']);
    assert.equal(resumed.status, 0, resumed.stderr);
    assert.match(resumed.stderr, new RegExp(`resuming report ${staging.report_id}: the rows of lines before ${resumeLine.toLocaleString('en')} are kept`));
    const [outcome] = JSON.parse(resumed.stdout) as { outcome: string; lines: number; reportId: string }[];
    assert.equal(outcome.outcome, 'staged');
    assert.equal(String(outcome.reportId), String(staging.report_id), 'the staging report became the report');

    const clean = await cleanIngestion(location, crlf);
    const after = await withStore(db, ingestionIn);
    assert.ok(clean.tables.usage_lines.rows > 25_000 && clean.tables.usage_matches.rows > 1_000, `a report of some size: ${JSON.stringify(clean.tables)}`);
    assert.deepEqual(after, clean, 'the resumed ingestion is the clean ingestion: report, file, staged rows, matches');
  });

  test('a file the engine\'s loader was staging when killed leaves nothing visible, and is resumed by the loader from its last committed chunk, ending as its clean ingestion', async () => {
    const db = await storeWithCatalogue(location);
    const killed = await killClefWhen(['usage', 'ingest', report, '--db', db, '--chunk-lines', '10000'], /lines staged/);
    assert.equal(killed.signal, 'SIGKILL', `the process was killed mid-file, not finished: ${killed.stderr}`);
    const [staging] = await withStore(db, stagingReports);
    assert.equal(staging.status, 'staging');
    const resumeLine = Number(staging.resume_line);
    assert.ok(resumeLine > 10_000 && resumeLine < 80_000, `the loader's committed chunks are kept to resume from (resume line ${resumeLine})`);
    const visible = await runClef(['usage', 'reports', '--db', db, '--json']);
    assert.equal(visible.status, 0, visible.stderr);
    assert.deepEqual(JSON.parse(visible.stdout), [], 'nothing of the killed ingestion is visible');

    const readers: string[] = [];
    const resumed: number[] = [];
    // In-process, to see which reader resumed it; as the command's own actor, so that it compares with the command's ingestion.
    const [outcome] = await withStore(db, (store) => resumeIngestion({ ...context(store), actor: 'clef' }, [report], {
      loaderChunkLines: 10_000,
      onReader: (_file, reader, why) => void readers.push(`${reader}${why ? ` (${why})` : ''}`),
      onResume: (_file, _reportId, fromLine) => void resumed.push(fromLine),
      onStaged: (_file, lines) => void resumed.push(lines),
    }));
    assert.equal(outcome.outcome, 'staged');
    assert.deepEqual(readers, ['engine'], 'the loader resumed it');
    assert.equal(resumed[0], resumeLine);
    assert.ok(resumed.slice(1).every((lines) => lines >= resumeLine), `only chunks from the resume line on were staged again: ${resumed}`);
    await withStore(db, async (store) => assert.deepEqual(await loaderScratchTables(store), [], 'no scratch table is left'));
    assert.deepEqual(await withStore(db, ingestionIn), await cleanIngestion(location, report));
  });

  test('a file killed mid-file whose error is found only at its end when resumed is refused whole, and nothing of it is left', async () => {
    const db = await location();
    await killMidFile(wrongAtEnd, db);
    assert.ok((await withStore(db, stagedRowCount)) >= 40_000, 'chunks were committed before the kill');
    const resumed = await runClef(['usage', 'ingest', '--resume', wrongAtEnd, '--db', db, '--json']);
    assert.equal(resumed.status, 1, resumed.stderr);
    const [outcome] = JSON.parse(resumed.stdout) as { outcome: string; errors: { code: string }[] }[];
    assert.equal(outcome.outcome, 'refused');
    assert.deepEqual(outcome.errors.map((error) => error.code), ['CLEF_DSR_FOOT_COUNT_MISMATCH']);
    await withStore(db, async (store) => {
      assert.deepEqual(await stagingReports(store), [], 'no report is left');
      assert.equal(await stagedRowCount(store), 0, 'no staged row is left');
    });
  });

  test('a staging report whose ingestion is still alive is not resumed', async () => {
    const db = await location();
    await withStore(db, async (store) => {
      const refusals: unknown[] = [];
      const [outcome] = await ingestReport(context(store), [youTube], {
        onStaged: async () => {
          if (refusals.length === 0) refusals.push(await resumeIngestion(context(store), [youTube]).catch((error: unknown) => error));
        },
      });
      assert.equal(refusals.length, 1);
      assert.ok(isClefError(refusals[0], 'CLEF_USAGE_RESUME_MISMATCH'), String(refusals[0]));
      assert.match((refusals[0] as Error).message, /report \d+ of it is being staged by a live process, left alone/);
      assert.equal(outcome.outcome, 'staged');
      assert.deepEqual((await stagingReports(store)).map((row) => row.status), ['complete']);
    });
  });
});

test('--resume without a file is an argument error', async () => {
  const result = await runClef(['usage', 'ingest', '--resume', '--db', join(dir, 'never.duckdb')]);
  assert.equal(result.status, 2);
  assert.match(result.stderr, /CLEF_USAGE_INVALID_ARGUMENT.*--resume FILE/);
});

test('--chunk-lines must be a whole number of at least 1', async () => {
  for (const value of ['0', 'many']) {
    const result = await runClef(['usage', 'ingest', youTube, '--chunk-lines', value, '--db', join(dir, 'never.duckdb')]);
    assert.equal(result.status, 2, result.stderr);
    assert.match(result.stderr, /CLEF_USAGE_INVALID_ARGUMENT.*--chunk-lines/);
  }
});
