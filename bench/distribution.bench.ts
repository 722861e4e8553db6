/**
 * Distribution end to end on a generated report: load the generated catalogue, ingest (validate + stage + match),
 * distribute the month, write the statements; on the embedded store and (with --postgres URL or
 * CLEF_TEST_POSTGRES_URL) on PostgreSQL. Reports each stage's time, lines/s of the whole pipeline, peak RSS (overall
 * and during ingestion and distribution), the load average and a digest of the run's ledger (to compare versions).
 * The generated catalogue has no shares, so matched money lands in the undocumented-share reserve: the figures
 * measure the pipeline, not the share rules.
 * `npm run bench:distribution -- [--lines 1000000] [--recordings 100000] [--postgres URL]`
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { setDspLicence } from '../src/distribution/use-cases/dsp-licences.js';
import { distributePeriod } from '../src/distribution/use-cases/distribute-period.js';
import { showRun } from '../src/distribution/use-cases/run-figures.js';
import { readRunLedger } from '../src/store/distribution/run-queries.js';
import { writeStatements } from '../src/distribution/use-cases/write-statements.js';
import { loadLookups } from '../src/lookups/index.js';
import type { RegistryContext } from '../src/registry/use-cases/registry-context.js';
import { setSettings } from '../src/registry/use-cases/settings.js';
import { describeReader } from './support/describe-reader.js';
import { openStore, storeOptionsFrom } from '../src/store/index.js';
import { generateUsage } from '../src/usage/generate-usage/generate-usage.js';
import { ingestReport } from '../src/usage/use-cases/ingest-report.js';
import { loadGeneratedCatalogue } from '../src/usage/use-cases/load-generated-catalogue.js';
import { megabytes, startRssSampler } from './support/rss-sampler.js';
import { withScratchDatabase } from './support/with-scratch-database.js';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '1000000' }, recordings: { type: 'string', default: '100000' }, postgres: { type: 'string' } } });
const lines = Number(values.lines);
const recordings = Number(values.recordings);
const dir = `/tmp/clef-bench-distribution-${lines}-${recordings}`;
const postgresUrl = values.postgres ?? process.env.CLEF_TEST_POSTGRES_URL;
const seed = 42;

async function reportFile(): Promise<string> {
  const reports = join(dir, 'reports');
  if (existsSync(reports) && readdirSync(reports).length === 1) return join(reports, readdirSync(reports)[0]);
  return (await generateUsage({ out: dir, lines, recordings, seed })).reportFile;
}

async function run(engine: string, location: string, file: string): Promise<void> {
  const store = await openStore(location, storeOptionsFrom(process.env));
  const rss = startRssSampler();
  try {
    const context: RegistryContext = { store, actor: 'bench', clock: () => new Date().toISOString(), lookups: loadLookups() };
    await setSettings(context, { name: 'Bench CMO', societyCode: '119', currency: 'EUR' });
    await setDspLicence(context, { dpid: 'PADPIDA2011072101T', rate: '0.12' });
    await loadGeneratedCatalogue(store, { recordings, seed });
    const times: Record<string, number> = {};
    const peaks: Record<string, number> = {};
    const time = async <T>(name: string, step: () => Promise<T>): Promise<T> => {
      const started = performance.now();
      rss.startPhase();
      const result = await step();
      times[name] = (performance.now() - started) / 1000;
      peaks[name] = rss.phasePeak();
      return result;
    };
    await time('ingest', () => ingestReport(context, [file], { onReader: (_file, reader, why) => console.log(describeReader(reader, why)) }));
    const outcome = await time('distribute', () => distributePeriod(context, { period: '2025-01' }));
    const out = mkdtempSync(join(tmpdir(), 'clef-statements-'));
    await time('statements', () => writeStatements(context, outcome.runId!, out));
    rmSync(out, { recursive: true, force: true });
    const figures = await showRun(context, outcome.runId!);
    // The ledger's content, so runs of two versions of the code can be compared to the micro-unit.
    const ledger = await readRunLedger(store.db, outcome.runId!);
    const digest = createHash('sha256');
    for (const e of ledger) digest.update(`${e.pool_id}|${e.account_kind}|${e.account_id}|${e.party_id}|${e.work_id}|${e.recording_id}|${e.right_code}|${e.amount_micros}|${e.usages}\n`);
    const total = Object.values(times).reduce((a, b) => a + b, 0);
    console.log(`[${engine}] ${lines.toLocaleString('en')} lines: ingest ${times.ingest.toFixed(1)} s, distribute ${times.distribute.toFixed(1)} s, statements ${times.statements.toFixed(1)} s; pipeline ${(lines / total / 1e3).toFixed(1)} k lines/s, peak RSS ${megabytes(rss.peak())} MB (ingest ${megabytes(peaks.ingest)}, distribute ${megabytes(peaks.distribute)}); load average ${loadavg()[0].toFixed(1)}; money in ${figures.money_in_micros}, match rate by lines ${figures.match_rate.lines}; ledger ${ledger.length} entries, sha256 ${digest.digest('hex').slice(0, 16)}`);
  } finally {
    rss.stop();
    await store.close();
  }
}

const file = await reportFile();
const duckDir = mkdtempSync(join(tmpdir(), 'clef-bench-'));
try {
  await run('duckdb', join(duckDir, 'clef.duckdb'), file);
} finally {
  rmSync(duckDir, { recursive: true, force: true });
}
if (postgresUrl) {
  await withScratchDatabase(postgresUrl, (url) => run('postgres', url, file));
}
