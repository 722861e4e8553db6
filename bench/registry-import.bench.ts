// Registry benchmark (issue 2): import N works (Clef CSV, 3 parties each) into a fresh embedded store, then title
// search with generated queries carrying typos, accent and article changes. Generates its own data.
// Usage: npm run bench -- [--works 1000000] [--queries 1000] [--db PATH] [--skip-import true] [--misses N] [--breakdown true]
// --skip-import searches a store an earlier run with the same --works left at --db (the same queries: the data is
// generated again, not imported); --misses prints that many missed queries with what search answered; --breakdown
// times every store query of the searches by its table.
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { once } from 'node:events';
import { loadLookups } from '../src/lookups/index.js';
import { importWorksCsv } from '../src/registry/use-cases/import-works-csv.js';
import { searchWorks } from '../src/registry/use-cases/search-works.js';
import { openStore, storeOptionsFrom } from '../src/store/index.js';
import { parseIpiNameNumber } from '../src/identifiers/index.js';
import { queryTimer } from './support/query-timer.js';
import { megabytes, startRssSampler } from './support/rss-sampler.js';

const args = new Map<string, string>();
for (let i = 2; i < process.argv.length; i += 2) args.set(process.argv[i].replace(/^--/, ''), process.argv[i + 1]);
const works = Number(args.get('works') ?? 1_000_000);
const queries = Number(args.get('queries') ?? 1000);

let seed = 42;
const random = () => ((seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648);
const pick = <T>(list: readonly T[]) => list[Math.floor(random() * list.length)];
const words = ['river', 'star', 'moon', 'night', 'golden', 'hour', 'dream', 'fire', 'rain', 'heart', 'road', 'blue', 'song', 'light', 'shadow', 'summer', 'winter', 'dance', 'ocean', 'city', 'garden', 'silver', 'wind', 'lantern', 'café', 'mañana', 'château', 'über', 'jade', 'harbour', 'paper', 'echo', 'velvet', 'thunder', 'crystal', 'morning', 'forever', 'wild', 'electric', 'midnight'];
const names = ['LI', 'WANG', 'ZHANG', 'CHEN', 'MOREAU', 'MÜLLER', 'GARCÍA', 'SMITH', 'JONES', 'TANAKA', 'KIM', 'NGUYEN', 'ROSSI', 'SILVA', 'DUBOIS', 'IVANOV'];

function ipi(n: number): string {
  for (let c = 0; c < 100; c++) {
    const value = String(n).padStart(9, '0') + String(c).padStart(2, '0');
    if (parseIpiNameNumber(value).ok) return value;
  }
  throw new Error('no check digits');
}

function title(i: number): string {
  const count = 2 + (i % 3);
  const parts = Array.from({ length: count }, () => pick(words));
  const text = `${parts.join(' ')} ${i.toString(36)}`;
  return (i % 7 === 0 ? 'The ' : '') + text.replace(/\b\w/g, (c) => c.toUpperCase());
}

async function generate(dir: string): Promise<{ path: string; titles: string[] }> {
  const path = join(dir, 'works.csv');
  const out = createWriteStream(path);
  const titles: string[] = [];
  const header = ['submitter_work_number', 'title'];
  for (let n = 1; n <= 3; n++) header.push(`party${n}_role`, `party${n}_ipi`, `party${n}_name`, `party${n}_pr_share`, `party${n}_mr_share`, `party${n}_pr_society`);
  out.write(`${header.join(',')}\n`);
  const writerPool = Array.from({ length: 5000 }, (_, i) => ({ ipi: ipi(100000 + i), name: `${pick(names)} ${pick(words).toUpperCase()}${i}` }));
  const publisherPool = Array.from({ length: 500 }, (_, i) => ({ ipi: ipi(900000 + i), name: `${pick(words)} music ${i}` }));
  for (let i = 0; i < works; i++) {
    const t = title(i);
    if (titles.length < 200_000) titles.push(t);
    const a = writerPool[i % 5000];
    const b = writerPool[(i * 7 + 13) % 5000];
    const p = publisherPool[i % 500];
    const line = `BENCH-${i},${t},CA,${a.ipi},${a.name},25,25,119,CA,${b.ipi},${b.name},25,25,119,E,${p.ipi},${p.name},50,50,119\n`;
    if (!out.write(line)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { path, titles };
}

function degrade(text: string): string {
  let t = text.toLowerCase();
  const r = random();
  if (t.startsWith('the ')) t = t.slice(4);
  else if (r < 0.3) t = `the ${t}`;
  t = t.normalize('NFD').replace(/[\u0300-\u036f]/g, '');
  const chars = [...t];
  const at = 1 + Math.floor(random() * (chars.length - 2));
  if (random() < 0.5) chars.splice(at, 1);
  else [chars[at], chars[at + 1]] = [chars[at + 1], chars[at]];
  return chars.join('');
}

async function importAll(context: Parameters<typeof importWorksCsv>[0], path: string): Promise<void> {
  // The acceptance starts once the last chunk is committed: its own peak is sampled from each chunk's commit on.
  const rss = startRssSampler(200);
  let stagedAt = 0;
  const rssAt: string[] = [];
  const t1 = performance.now();
  let [stepRows, stepAt] = [0, t1];
  const summary = await importWorksCsv(context, path, {
    submitter: { kind: 'cmo', societyCode: '119' },
    onStaged: () => {
      stagedAt = performance.now();
      rss.startPhase();
    },
    onProgress: (rows) => {
      if (rows % 100_000 === 0 && rows > stepRows) {
        rssAt.push(`${rows / 1000}k: ${megabytes(process.memoryUsage().rss)} MB, ${((performance.now() - stepAt) / 1000).toFixed(1)} s`);
        [stepRows, stepAt] = [rows, performance.now()];
      }
    },
  });
  const seconds = (performance.now() - t1) / 1000;
  rss.stop();
  console.log(`import: ${summary.created} works created, ${summary.rejected} rejected in ${seconds.toFixed(1)} s = ${Math.round(works / seconds)} works/s (acceptance ${((performance.now() - stagedAt) / 1000).toFixed(1)} s of it, peak RSS then ${megabytes(rss.phasePeak())} MB); peak RSS ${megabytes(rss.peak())} MB`);
  console.log(`RSS and seconds per 100 k works as the count grows: ${rssAt.join(', ')}`);
}

const dir = mkdtempSync(join(tmpdir(), 'clef-bench-registry-'));
const location = args.get('db') ?? join(dir, 'bench.duckdb');
try {
  console.log(`machine: ${process.platform} ${process.arch}, node ${process.version}, ${(await import('node:os')).cpus().length} cores`);
  const t0 = performance.now();
  const { path, titles } = await generate(dir);
  console.log(`generated ${works} works in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
  const store = await openStore(location, storeOptionsFrom(process.env));
  const context = { store, actor: 'bench', clock: () => new Date().toISOString(), lookups: loadLookups() };
  if (args.get('skip-import') !== 'true') await importAll(context, path);

  const timer = queryTimer();
  const searching = args.get('breakdown') === 'true' ? { ...context, store: { ...store, db: store.db.withPlugin(timer.plugin) } } : context;
  const showMisses = Number(args.get('misses') ?? 0);
  const missed: string[] = [];
  const latencies: number[] = [];
  let found = 0;
  for (let q = 0; q < queries; q++) {
    const original = titles[Math.floor(random() * titles.length)];
    const query = degrade(original);
    const start = performance.now();
    const hits = await searchWorks(searching, query, 5);
    latencies.push(performance.now() - start);
    if (hits.some((hit) => hit.title === original)) found++;
    else if (missed.length < showMisses) missed.push(`${query} (wanted ${original}) → ${hits.map((hit) => `${hit.title} ${hit.score}`).join(' | ')}`);
  }
  latencies.sort((a, b) => a - b);
  const at = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor(p * latencies.length))].toFixed(1);
  console.log(`search: ${queries} degraded queries, recall@5 ${((100 * found) / queries).toFixed(1)} %, latency p50 ${at(0.5)} ms, p99 ${at(0.99)} ms; load average ${loadavg()[0].toFixed(1)}`);
  const total = latencies.reduce((sum, ms) => sum + ms, 0);
  for (const [table, spent] of [...timer.spent].sort((a, b) => b[1].ms - a[1].ms)) {
    console.log(`  ${table}: ${(spent.ms / queries).toFixed(1)} ms a search (${(spent.queries / queries).toFixed(1)} queries, ${((spent.ms / total) * 100).toFixed(0)} %)`);
  }
  for (const line of missed) console.log(`  missed: ${line}`);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
