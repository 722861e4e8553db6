// Benchmark: parse and validate a generated CWR 2.1 file of N works (default 1 M works, about 10 M lines), streaming.
// Usage: npm run bench:cwr -- [--works N] [--keep]. The file is generated first; parsing runs in a child process so
// its peak memory (maxRSS) is its own, not the generator's.
import { createReadStream, mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { validateCwr } from '../src/formats/cwr/index.js';
import { loadLookups } from '../src/lookups/index.js';
import { writeCwrFile, type CwrTransactionInput } from '../src/formats/cwr/write-cwr-file.js';
import { iswcOf } from '../src/usage/generate-usage/synthetic-recording.js';
import { writeLatin1Lines } from './support/write-latin1-lines.js';

function* works(count: number): Generator<CwrTransactionInput> {
  for (let n = 1; n <= count; n++) {
    const id = String(n);
    yield [
      { recordType: 'NWR', fields: { 'Work Title': `GENERATED WORK ${id}`, 'Submitter Work #': `BW${id}`, ISWC: iswcOf(n), 'Musical Work Distribution Category': 'POP', Duration: '000330', 'Recorded Indicator': 'Y', 'Version Type': 'ORI' } },
      { recordType: 'SPU', fields: { 'Publisher Sequence #': 1, 'Interested Party #': 'P1', 'Publisher Name': 'BENCH PUBLISHING', 'Publisher Type': 'E', 'Publisher IPI Name #': '00000000199', 'PR Affiliation Society #': '052', 'PR Ownership Share': 2500, 'MR Society': '044', 'MR Ownership Share': 5000, 'SR Society': '044', 'SR Ownership Share': 5000 } },
      { recordType: 'SPT', fields: { 'Interested Party #': 'P1', 'PR Collection Share': 2500, 'MR Collection Share': 5000, 'SR Collection Share': 5000, 'Inclusion/Exclusion Indicator': 'I', 'TIS Numeric Code': 2136, 'Sequence #': 1 } },
      { recordType: 'OPU', fields: { 'Publisher Sequence #': 2, 'Publisher Unknown Indicator': 'Y', 'Publisher Type': 'E', 'PR Ownership Share': 2500, 'MR Ownership Share': 5000, 'SR Ownership Share': 5000 } },
      { recordType: 'SWR', fields: { 'Interested Party #': `W${id}`, 'Writer Last Name': `WRITER ${id}`, 'Writer First Name': 'BENCH', 'Writer Designation Code': 'CA', 'Writer IPI Name #': '00000000297', 'PR Affiliation Society #': '052', 'PR Ownership Share': 2500, 'MR Ownership Share': 0, 'SR Ownership Share': 0 } },
      { recordType: 'SWT', fields: { 'Interested Party #': `W${id}`, 'PR Collection Share': 2500, 'MR Collection Share': 0, 'SR Collection Share': 0, 'Inclusion/Exclusion Indicator': 'I', 'TIS Numeric Code': 2136, 'Sequence #': 1 } },
      { recordType: 'PWR', fields: { 'Publisher IP #': 'P1', 'Publisher Name': 'BENCH PUBLISHING', 'Writer IP #': `W${id}` } },
      { recordType: 'OWR', fields: { 'Writer Last Name': 'UNKNOWN', 'Writer Designation Code': 'A', 'PR Ownership Share': 2500, 'MR Ownership Share': 0, 'SR Ownership Share': 0 } },
      { recordType: 'ALT', fields: { 'Alternate Title': `ALSO KNOWN AS ${id}`, 'Title Type': 'AT' } },
      { recordType: 'PER', fields: { 'Performing Artist Last Name': `ARTIST ${n % 1000}` } },
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

async function parse(path: string): Promise<void> {
  const lookups = loadLookups();
  let findings = 0;
  const started = performance.now();
  const cpuStarted = process.cpuUsage();
  const summary = await validateCwr(createReadStream(path, { highWaterMark: 1 << 20 }), { lookups, fileName: path, onFinding: () => findings++ });
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuStarted);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  process.stdout.write(JSON.stringify({ lines: summary.lines, transactions: summary.transactions, findings, seconds, cpuSeconds, maxRssMb: process.resourceUsage().maxRSS / 1024 }) + '\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  if (args[0] === '--parse') return parse(args[1]);
  const worksIndex = args.indexOf('--works');
  const count = worksIndex >= 0 ? Number(args[worksIndex + 1]) : 1_000_000;
  const dir = mkdtempSync(join(tmpdir(), 'clef-cwr-bench-'));
  const path = join(dir, 'CW240001BEN_000.V21');
  try {
    const started = performance.now();
    await generate(path, count);
    const size = statSync(path).size;
    process.stdout.write(`generated ${count} works, ${(size / 1e6).toFixed(0)} MB in ${((performance.now() - started) / 1000).toFixed(1)} s\n`);
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--parse', path], { encoding: 'utf8' });
    if (child.status !== 0) throw new Error(child.stderr);
    const result = JSON.parse(child.stdout) as { lines: number; transactions: number; findings: number; seconds: number; cpuSeconds: number; maxRssMb: number };
    // CPU time is reported too: on a shared machine wall time also measures the neighbours.
    process.stdout.write(`parse+validate: ${result.lines} lines, ${result.transactions} transactions, ${result.findings} findings in ${result.seconds.toFixed(1)} s wall (${Math.round(result.lines / result.seconds)} lines/s), ${result.cpuSeconds.toFixed(1)} s CPU (${Math.round(result.lines / result.cpuSeconds)} lines/CPU-s), peak RSS ${result.maxRssMb.toFixed(0)} MB\n`);
  } finally {
    if (!args.includes('--keep')) rmSync(dir, { recursive: true, force: true });
  }
}

await main();
