// Benchmark: import a generated CWR 2.1 file of N works (default 1 M) as registrations into a fresh store (embedded
// DuckDB, or the empty PostgreSQL database `--db postgres://…` names), with its ACK written: works/s and peak memory.
// Usage: npm run bench:cwr-import -- [--works N] [--db URL] [--keep].
// The file is generated first; the import runs in a child process so its peak memory (maxRSS) is its own.
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { writeCwrFile, type CwrTransactionInput } from '../src/formats/cwr/index.js';
import { loadLookups } from '../src/lookups/index.js';
import { importWorksCwr } from '../src/registry/use-cases/import-works-cwr.js';
import { setSettings } from '../src/registry/use-cases/settings.js';
import { openStore, storeOptionsFrom } from '../src/store/index.js';
import { iswcOf } from '../src/usage/generate-usage/synthetic-recording.js';
import { writeLatin1Lines } from './support/write-latin1-lines.js';

/** Works by a publisher with 1,000 writers (so parties repeat, as in a real catalogue), each with a recording. */
function* works(count: number): Generator<CwrTransactionInput> {
  for (let n = 1; n <= count; n++) {
    const writer = `W${n % 1000}`;
    yield [
      { recordType: 'NWR', fields: { 'Work Title': `GENERATED WORK ${n}`, 'Submitter Work #': `BW${n}`, ISWC: iswcOf(n), 'Musical Work Distribution Category': 'POP', Duration: '000330', 'Recorded Indicator': 'Y', 'Version Type': 'ORI' } },
      { recordType: 'SPU', fields: { 'Publisher Sequence #': 1, 'Interested Party #': 'P1', 'Publisher Name': 'BENCH PUBLISHING', 'Publisher Type': 'E', 'Publisher IPI Name #': '00000000199', 'PR Affiliation Society #': '052', 'PR Ownership Share': 5000, 'MR Society': '044', 'MR Ownership Share': 10000, 'SR Society': '044', 'SR Ownership Share': 10000 } },
      { recordType: 'SPT', fields: { 'Interested Party #': 'P1', 'PR Collection Share': 5000, 'MR Collection Share': 10000, 'SR Collection Share': 10000, 'Inclusion/Exclusion Indicator': 'I', 'TIS Numeric Code': 2136, 'Sequence #': 1 } },
      { recordType: 'SWR', fields: { 'Interested Party #': writer, 'Writer Last Name': `WRITER ${n % 1000}`, 'Writer First Name': 'BENCH', 'Writer Designation Code': 'CA', 'PR Affiliation Society #': '052', 'PR Ownership Share': 5000, 'MR Ownership Share': 0, 'SR Ownership Share': 0 } },
      { recordType: 'SWT', fields: { 'Interested Party #': writer, 'PR Collection Share': 5000, 'MR Collection Share': 0, 'SR Collection Share': 0, 'Inclusion/Exclusion Indicator': 'I', 'TIS Numeric Code': 2136, 'Sequence #': 1 } },
      { recordType: 'PWR', fields: { 'Publisher IP #': 'P1', 'Publisher Name': 'BENCH PUBLISHING', 'Writer IP #': writer } },
      { recordType: 'ALT', fields: { 'Alternate Title': `ALSO KNOWN AS ${n}`, 'Title Type': 'AT' } },
      { recordType: 'PER', fields: { 'Performing Artist Last Name': `ARTIST ${n % 1000}` } },
      { recordType: 'REC', fields: { 'First Release Duration': '000330', ISRC: `GBAAA${String(n).padStart(7, '0')}`, 'Recording Format': 'A', 'Recording Technique': 'D' } },
    ];
  }
}

async function generate(path: string, count: number): Promise<void> {
  await writeLatin1Lines(
    path,
    writeCwrFile(
      { version: '2.1', sender: { type: 'PB', ipiNameNumber: '00000000199' }, senderName: 'BENCH PUBLISHING', creationDate: '20240101', creationTime: '120000' },
      [{ transactionType: 'NWR', transactions: works(count) }],
    ),
  );
}

async function runImport(path: string, dbPath: string): Promise<void> {
  const store = await openStore(dbPath, storeOptionsFrom(process.env));
  const context = { store, actor: 'bench', clock: () => new Date().toISOString(), lookups: loadLookups() };
  await setSettings(context, { name: 'BENCH CMO', societyCode: '052', currency: 'GBP' });
  const started = performance.now();
  const summary = await importWorksCwr(context, path, { ackPath: `${path}.ack` });
  const seconds = (performance.now() - started) / 1000;
  await store.close();
  console.log(JSON.stringify({ seconds, created: summary.created, rejected: summary.rejected, maxRssMb: Math.round(process.resourceUsage().maxRSS / 1024) }));
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--import') return runImport(args[1], args[2]);
  const worksIndex = args.indexOf('--works');
  const count = worksIndex >= 0 ? Number(args[worksIndex + 1]) : 1_000_000;
  const dbIndex = args.indexOf('--db');
  const dir = mkdtempSync(join(tmpdir(), 'clef-cwr-import-'));
  try {
    const path = join(dir, 'CW240001BEN_052.V21');
    await generate(path, count);
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--import', path, dbIndex >= 0 ? args[dbIndex + 1] : join(dir, 'bench.duckdb')], { encoding: 'utf8', maxBuffer: 1 << 26 });
    if (child.status !== 0) throw new Error(child.stderr);
    const result = JSON.parse(child.stdout.trim().split('\n').pop()!) as { seconds: number; created: number; rejected: number; maxRssMb: number };
    const mb = statSync(path).size / 1e6;
    console.log(`CWR 2.1 import: ${count} works (${mb.toFixed(0)} MB), ${result.created} created, ${result.rejected} rejected, ACK written`);
    console.log(`  ${result.seconds.toFixed(1)} s, ${Math.round(count / result.seconds)} works/s, peak RSS ${result.maxRssMb} MB (${dbIndex >= 0 ? 'PostgreSQL' : 'DuckDB'})`);
  } finally {
    if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
