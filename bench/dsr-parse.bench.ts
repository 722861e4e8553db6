/**
 * DSR parse + validate throughput and memory, against the baseline of DuckDB reading the same file.
 * `npm run bench:dsr -- --lines 10000000 [--recordings 1000000] [--dir /tmp/clef-bench-dsr]`
 * Generates a Basic Audio 1.2 report with `clef usage generate`'s generator (kept in --dir for reruns), then:
 * 1. validate only (no rows), 2. parse + validate + typed rows + streams summed by ISRC in TypeScript,
 * 3. DuckDB read_csv joining SU02 to its AS01.01/AS02.02 on BlockId and summing NumberOfStreams by ISRC.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { DuckDBInstance } from '@duckdb/node-api';
import { openDsrFile, parseDsrFile, validateDsrFile } from '../src/formats/dsr/index.js';
import { generateUsage } from '../src/usage/generate-usage/generate-usage.js';

const { values } = parseArgs({ options: { lines: { type: 'string', default: '10000000' }, recordings: { type: 'string', default: '1000000' }, dir: { type: 'string' } } });
const lines = Number(values.lines);
const recordings = Math.min(Number(values.recordings), lines);
const dir = values.dir ?? `/tmp/clef-bench-dsr-${lines}-${recordings}`;

function mb(kb: number): string {
  return `${(kb / 1024).toFixed(0)} MB`;
}

async function reportFile(): Promise<string> {
  const reports = join(dir, 'reports');
  if (existsSync(reports) && readdirSync(reports).length === 1) return join(reports, readdirSync(reports)[0]);
  const started = performance.now();
  const generated = await generateUsage({ out: dir, lines, recordings, seed: 42 });
  console.log(`generated ${generated.reportLines.toLocaleString('en')} lines in ${((performance.now() - started) / 1000).toFixed(1)} s: ${generated.reportFile}`);
  return generated.reportFile;
}

const file = await reportFile();

let started = performance.now();
const validated = await validateDsrFile(openDsrFile(file));
let seconds = (performance.now() - started) / 1000;
if (!validated.accepted) throw new Error(`the generated report was refused: ${validated.errors[0]?.message}`);
console.log(`validate only:              ${(validated.lines / seconds / 1e6).toFixed(2)} M lines/s (${seconds.toFixed(2)} s, ${(validated.bytes / 1e6).toFixed(0)} MB), peak RSS so far ${mb(process.resourceUsage().maxRSS)}`);

started = performance.now();
const byIsrc = new Map<string, bigint>();
let blockIsrc: string | null = null;
const parse = parseDsrFile(openDsrFile(file));
let result;
for (;;) {
  const next = await parse.next();
  if (next.done) {
    result = next.value;
    break;
  }
  for (const row of next.value) {
    if (row.kind === 'resource') blockIsrc = row.validIsrc;
    else if (row.kind === 'usage' && blockIsrc !== null) byIsrc.set(blockIsrc, (byIsrc.get(blockIsrc) ?? 0n) + row.usages);
  }
}
seconds = (performance.now() - started) / 1000;
console.log(`parse + rows + sum by ISRC: ${(result.lines / seconds / 1e6).toFixed(2)} M lines/s (${seconds.toFixed(2)} s, ${byIsrc.size.toLocaleString('en')} ISRCs), peak RSS so far ${mb(process.resourceUsage().maxRSS)}`);

const columns = Object.fromEntries([...Array(22)].map((_, i) => [`c${i}`, 'VARCHAR']));
const instance = await DuckDBInstance.create(':memory:');
const connection = await instance.connect();
started = performance.now();
const reader = await connection.runAndReadAll(`
  WITH r AS (
    SELECT * FROM read_csv('${file.replace(/'/g, "''")}', delim = '\t', header = false, quote = '', escape = '', comment = '#',
      null_padding = true, auto_detect = false, columns = ${JSON.stringify(columns).replace(/"/g, "'")})
  ),
  resources AS (SELECT c1 AS block, c4 AS isrc FROM r WHERE c0 IN ('AS01.01', 'AS02.02') AND c4 <> ''),
  usages AS (SELECT c1 AS block, CAST(c7 AS BIGINT) AS streams FROM r WHERE c0 = 'SU02')
  SELECT count(*) AS isrcs, sum(total) AS streams FROM (SELECT isrc, sum(streams) AS total FROM usages JOIN resources USING (block) GROUP BY isrc)`);
seconds = (performance.now() - started) / 1000;
const [isrcs, streams] = reader.getRows()[0];
const ours = [...byIsrc.values()].reduce((a, b) => a + b, 0n);
console.log(`DuckDB read_csv + join + sum: ${(result.lines / seconds / 1e6).toFixed(2)} M lines/s (${seconds.toFixed(2)} s, ${Number(isrcs).toLocaleString('en')} ISRCs, streams ${streams} vs ours ${ours}), peak RSS ${mb(process.resourceUsage().maxRSS)}`);
connection.closeSync();
