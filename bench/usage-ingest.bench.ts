/**
 * DSR ingestion end to end: validate + stage + match a generated Basic Audio 1.2 report against a generated
 * catalogue, on the embedded store and (with --postgres URL or CLEF_TEST_POSTGRES_URL) on PostgreSQL, next to the
 * baseline of DuckDB reading the same file with read_csv, joining SU02 to AS01/AS02 on BlockId and summing
 * NumberOfStreams by ISRC. Reports lines/s, peak RSS during ingestion, and the match rate against truth.csv.
 * Generated data is cached in .bench/ (git-ignored) per size, so a second run skips generating.
 * `npm run bench:usage -- [--lines 10000000] [--recordings 1000000] [--dir D] [--engine duckdb|postgres|both] [--reader engine|typescript] [--postgres URL]`
 */
import { createReadStream, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { sql } from 'kysely';
import { describeReader } from './support/describe-reader.js';
import { openStore, storeOptionsFrom, type Store } from '../src/store/index.js';
import { generateUsage } from '../src/usage/generate-usage/generate-usage.js';
import { loadGeneratedCatalogue } from '../src/usage/use-cases/load-generated-catalogue.js';
import { ingestReport } from '../src/usage/use-cases/ingest-report.js';
import { megabytes, startRssSampler } from './support/rss-sampler.js';
import { withScratchDatabase } from './support/with-scratch-database.js';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '10000000' }, recordings: { type: 'string', default: '1000000' }, dir: { type: 'string' }, postgres: { type: 'string' }, engine: { type: 'string', default: 'both' }, reader: { type: 'string', default: 'engine' } } });
const lines = Number(values.lines);
const recordings = Number(values.recordings);
const dir = values.dir ?? join(import.meta.dirname, '..', '.bench', `usage-${lines}-${recordings}`);
const engines = values.engine === 'both' ? ['duckdb', 'postgres'] : [values.engine];
const postgresUrl = values.postgres ?? process.env.CLEF_TEST_POSTGRES_URL;
const seed = 42;

async function reportFile(): Promise<string> {
  const reports = join(dir, 'reports');
  if (existsSync(reports) && readdirSync(reports).length === 1) return join(reports, readdirSync(reports)[0]);
  const generated = await generateUsage({ out: dir, lines, recordings, seed });
  return generated.reportFile;
}

async function baseline(file: string): Promise<number> {
  const columns = Object.fromEntries([...Array(22)].map((_, i) => [`c${i}`, 'VARCHAR']));
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const started = performance.now();
  await connection.runAndReadAll(`
    WITH r AS (SELECT * FROM read_csv('${file.replace(/'/g, "''")}', delim = '\t', header = false, quote = '', escape = '', comment = '#',
      null_padding = true, auto_detect = false, columns = ${JSON.stringify(columns).replace(/"/g, "'")})),
    resources AS (SELECT c1 AS block, c4 AS isrc FROM r WHERE c0 IN ('AS01.01', 'AS02.02') AND c4 <> ''),
    usages AS (SELECT c1 AS block, CAST(c7 AS BIGINT) AS streams FROM r WHERE c0 = 'SU02')
    SELECT isrc, sum(streams) FROM usages JOIN resources USING (block) GROUP BY isrc`);
  const seconds = (performance.now() - started) / 1000;
  connection.closeSync();
  return seconds;
}

// truth.csv goes to the store and the comparison is one statement, so checking 30 M lines' resources (12 M) needs no
// map of them on the JavaScript heap.
async function checkAgainstTruth(store: Store, truthFile: string): Promise<{ withTruth: number; right: number; wrong: number }> {
  const table = 'bench_truth';
  await store.engine.loadLines(store.db, table, { path: truthFile, bytes: createReadStream(truthFile) });
  try {
    const { rows } = await sql<{ with_truth: bigint | null; right_: bigint | null; wrong: bigint | null }>`
      WITH t AS (SELECT split_part(text, ',', 1) AS id, split_part(text, ',', 2) AS isrc FROM ${sql.table(table)} WHERE line > 1 AND text <> ''),
      m AS (SELECT r.isrc AS found, coalesce(t.isrc, '') AS expected FROM usage_matches m
        LEFT JOIN recordings r ON r.recording_id = m.recording_id LEFT JOIN t ON t.id = m.dsp_resource_id)
      SELECT sum(CASE WHEN expected <> '' THEN 1 ELSE 0 END) AS with_truth, sum(CASE WHEN found = expected THEN 1 ELSE 0 END) AS right_,
        sum(CASE WHEN found <> expected THEN 1 ELSE 0 END) AS wrong FROM m`.execute(store.db);
    return { withTruth: Number(rows[0].with_truth ?? 0), right: Number(rows[0].right_ ?? 0), wrong: Number(rows[0].wrong ?? 0) };
  } finally {
    await store.engine.dropScratchTables(store.db, [table]);
  }
}

async function run(engine: string, location: string, file: string): Promise<void> {
  const store = await openStore(location, storeOptionsFrom(process.env));
  try {
    let started = performance.now();
    await loadGeneratedCatalogue(store, { recordings, seed });
    console.log(`[${engine}] catalogue of ${recordings.toLocaleString('en')} recordings loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);
    const rss = startRssSampler();
    started = performance.now();
    const cpu = process.cpuUsage();
    let lastCpu = cpu;
    const phases: string[] = [];
    const [outcome] = await ingestReport({ store, actor: 'bench', clock: () => new Date().toISOString() }, [file], {
      reader: values.reader === 'typescript' ? 'typescript' : 'engine',
      onReader: (_file, reader, why) => console.log(`[${engine}] ${describeReader(reader, why)}`),
      onPhase: (phase, ms) => {
        const now = process.cpuUsage();
        phases.push(`${phase} ${(ms / 1000).toFixed(1)} s (CPU ${((now.user + now.system - lastCpu.user - lastCpu.system) / 1e6).toFixed(1)} s)`);
        lastCpu = now;
      },
    });
    const seconds = (performance.now() - started) / 1000;
    const used = process.cpuUsage(cpu);
    rss.stop();
    if (outcome.outcome !== 'staged') throw new Error(`not staged: ${outcome.outcome} ${outcome.errors[0]?.message ?? ''}`);
    const { withTruth, right, wrong } = await checkAgainstTruth(store, join(dir, 'truth.csv'));
    console.log(`[${engine}] ingest + validate + match: ${(outcome.lines / seconds / 1e6).toFixed(3)} M lines/s (${seconds.toFixed(1)} s), peak RSS ${megabytes(rss.peak())} MB; matched ${right}/${withTruth} resources with a true match (${((100 * right) / withTruth).toFixed(2)} %), ${wrong} wrong`);
    console.log(`[${engine}] phases: ${phases.join(', ')}; CPU time of this process (all threads) ${((used.user + used.system) / 1e6).toFixed(1)} s; load average ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
  } finally {
    await store.close();
  }
}

console.log(`load average before: ${loadavg().map((n) => n.toFixed(1)).join(' ')}`);
const file = await reportFile();
const baseSeconds = await baseline(file);
console.log(`baseline DuckDB read_csv + join + sum by ISRC: ${(lines / baseSeconds / 1e6).toFixed(2)} M lines/s (${baseSeconds.toFixed(2)} s)`);
const scratch = mkdtempSync(join(tmpdir(), 'clef-bench-usage-'));
try {
  if (engines.includes('duckdb')) await run('duckdb', join(scratch, 'bench.duckdb'), file);
} finally {
  rmSync(scratch, { recursive: true, force: true });
}
if (engines.includes('postgres') && postgresUrl) {
  await withScratchDatabase(postgresUrl, (url) => run('postgres', url, file));
}
