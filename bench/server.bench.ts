/**
 * The HTTP server on loopback (issue 15): a store with N generated works (imported through the works CSV, so search
 * has its keys and trigrams) plus the demo CMO, members, catalogue and a distributed month, served by `buildServer`
 * with the portal; autocannon drives repertoire search (a different degraded title per request) and a member's
 * statement page (signed in). Each at a fixed 200 requests/s (the issue's target: search p99 under 50 ms) and then as
 * fast as 10 connections go; then, in-process, where a search's time goes (each store query timed by table, the
 * rest is scoring in TypeScript), and through the server's in-memory index. Generates its own data.
 * `npm run bench:server -- [--works 1000000] [--seconds 20]`
 */
import { createWriteStream, mkdtempSync, rmSync } from 'node:fs';
import { once } from 'node:events';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { queryTimer } from './support/query-timer.js';
import { addUser } from '../src/access/use-cases/users.js';
import { runDistributionDemo } from '../src/distribution/use-cases/run-distribution-demo.js';
import { parseIpiNameNumber } from '../src/identifiers/index.js';
import { loadLookups } from '../src/lookups/index.js';
import { importMembers } from '../src/registry/use-cases/members.js';
import { importWorksCsv } from '../src/registry/use-cases/import-works-csv.js';
import { searchWorks, type SearchContext } from '../src/registry/use-cases/search-works.js';
import type { RegistryContext } from '../src/registry/use-cases/registry-context.js';
import { setSettings } from '../src/registry/use-cases/settings.js';
import { buildServer } from '../src/server/build-server.js';
import { openStore } from '../src/store/index.js';
import { ingestDemoReport } from '../src/usage/use-cases/ingest-demo-report.js';
import { portalRoutes } from '../src/web/portal-routes.js';

const { values } = parseArgs({ options: { works: { type: 'string', default: '1000000' }, seconds: { type: 'string', default: '20' } } });
const works = Number(values.works);
const seconds = Number(values.seconds);
const vocabulary = ['river', 'star', 'moon', 'night', 'golden', 'hour', 'dream', 'fire', 'rain', 'heart', 'road', 'blue', 'song', 'light', 'shadow', 'summer', 'jade', 'lantern', 'harbour', 'velvet', 'thunder', 'crystal', 'morning', 'midnight'];
let seed = 7;
const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
const word = () => vocabulary[Math.floor(next() * vocabulary.length)];

function validIpi(n: number): string {
  for (let check = 0; check < 100; check++) {
    const text = `${String(n).padStart(9, '0')}${String(check).padStart(2, '0')}`;
    if (parseIpiNameNumber(text).ok) return text;
  }
  throw new Error(`no IPI for ${n}`);
}

/** A works CSV of N works, two writers each from a pool of 2,000; returns the file and some of its titles. */
async function writeWorks(dir: string): Promise<{ path: string; titles: string[] }> {
  const path = join(dir, 'works.csv');
  const out = createWriteStream(path);
  out.write('submitter_work_number,title,party1_role,party1_ipi,party1_name,party1_pr_share,party1_mr_share,party2_role,party2_ipi,party2_name,party2_pr_share,party2_mr_share\n');
  const writers = Array.from({ length: 2000 }, (_, i) => ({ ipi: validIpi(500_000 + i), name: `WRITER${i} ${word().toUpperCase()}` }));
  const titles: string[] = [];
  for (let i = 0; i < works; i++) {
    const title = `${word()} ${word()} ${word()} ${i.toString(36)}`;
    if (titles.length < 10_000 && i % 7 === 0) titles.push(title);
    const [a, b] = [writers[i % 2000], writers[(i * 13 + 5) % 2000]];
    if (!out.write(`SRV-${i},${title},CA,${a.ipi},${a.name},50,50,CA,${b.ipi},${b.name},50,50\n`)) await once(out, 'drain');
  }
  out.end();
  await once(out, 'finish');
  return { path, titles };
}

/** A title with one letter dropped, as people type. */
function typo(title: string): string {
  const at = 1 + Math.floor(next() * (title.length - 2));
  return title.slice(0, at) + title.slice(at + 1);
}

async function drive(name: string, base: string, path: () => string, headers: Record<string, string>, rate?: number): Promise<void> {
  const result = await autocannon({
    url: base, connections: 10, duration: seconds, headers, ...(rate ? { overallRate: rate } : {}),
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: path() }) }],
  });
  const errors = result.errors + result.non2xx;
  console.log(`${name}${rate ? ` at ${rate}/s` : ', 10 connections'}: ${result.requests.total} requests in ${result.duration.toFixed(0)} s = ${(result.requests.total / result.duration).toFixed(1)} req/s, latency p50 ${result.latency.p50} ms, p99 ${result.latency.p99} ms, max ${result.latency.max} ms; ${errors} errors; load average ${loadavg()[0].toFixed(1)}`);
}

/** Searches one at a time through the index the server keeps in memory: the answer a warm server gives. */
async function inMemorySearches(context: SearchContext, query: () => string, count: number): Promise<void> {
  const latencies: number[] = [];
  for (let n = 0; n < count; n++) {
    const t = performance.now();
    await searchWorks(context, decodeURIComponent(query()), 10);
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(count - 1, Math.floor(count * q))].toFixed(1);
  console.log(`search-works in-process through the server's in-memory index, ${count} queries one at a time: p50 ${at(0.5)} ms, p99 ${at(0.99)} ms; load average ${loadavg()[0].toFixed(1)}`);
}

async function searchBreakdown(context: RegistryContext, query: () => string, count: number): Promise<void> {
  const timer = queryTimer();
  const timed = { ...context, store: { ...context.store, db: context.store.db.withPlugin(timer.plugin) } };
  const latencies: number[] = [];
  for (let n = 0; n < count; n++) {
    const t = performance.now();
    await searchWorks(timed, decodeURIComponent(query()), 10);
    latencies.push(performance.now() - t);
  }
  latencies.sort((a, b) => a - b);
  const total = latencies.reduce((a, b) => a + b, 0);
  const queries = [...timer.spent].sort((a, b) => b[1].ms - a[1].ms);
  const inStore = queries.reduce((sum, [, e]) => sum + e.ms, 0);
  console.log(`search-works in-process, ${count} queries one at a time: p50 ${latencies[Math.floor(count / 2)].toFixed(0)} ms, p99 ${latencies[Math.floor(count * 0.99)].toFixed(0)} ms; load average ${loadavg()[0].toFixed(1)}`);
  for (const [table, e] of queries) console.log(`  ${table}: ${(e.ms / count).toFixed(1)} ms a search (${(e.queries / count).toFixed(1)} queries, ${((e.ms / total) * 100).toFixed(0)} %)`);
  console.log(`  outside the store (normalizing, typo forms, scoring): ${((total - inStore) / count).toFixed(1)} ms a search (${(((total - inStore) / total) * 100).toFixed(0)} %)`);
}

const dir = mkdtempSync(join(tmpdir(), 'clef-bench-server-'));
try {
  console.log(`machine: ${process.platform} ${process.arch}, node ${process.version}, ${cpus().length} cores, load average ${loadavg()[0].toFixed(1)}`);
  const store = await openStore(join(dir, 'clef.duckdb'));
  const context: RegistryContext = { store, actor: 'bench', clock: () => new Date().toISOString(), lookups: loadLookups() };
  await setSettings(context, { name: 'Bench CMO', societyCode: '119', currency: 'CNY', sisters: ['052:PR;MR:2136', '058:PR;MR:2136'] });
  const demo = new URL('../data/demo/', import.meta.url).pathname;
  await importMembers(context, `${demo}members.csv`);
  await importWorksCsv(context, `${demo}works.csv`, { submitter: { kind: 'cmo', societyCode: '119' } });
  const started = performance.now();
  const { path, titles } = await writeWorks(dir);
  await importWorksCsv(context, path, { submitter: { kind: 'cmo', societyCode: '119' } });
  console.log(`store: ${works.toLocaleString('en')} generated works imported in ${((performance.now() - started) / 1000).toFixed(0)} s, plus the demo catalogue`);
  await ingestDemoReport(context, '2025-01');
  const distribution = await runDistributionDemo(context);
  const runId = distribution.figures.run_id;
  await addUser(context, { name: 'liwei', role: 'member', party: '00012345036', password: 'bench-password' });
  const member = (await store.db.selectFrom('users').select('party_id').where('user_name', '=', 'liwei').executeTakeFirstOrThrow()).party_id!;

  const app = await buildServer({ store, rateLimit: 10_000_000, plugins: [portalRoutes(join(dir, 'keys'))] });
  const indexStarted = performance.now();
  await app.clef.searchIndex.build();
  const index = await app.clef.searchIndex.current();
  console.log(`search index in memory: ${index?.size.toLocaleString('en')} works in ${((performance.now() - indexStarted) / 1000).toFixed(1)} s; process RSS now ${(process.memoryUsage().rss / 2 ** 20).toFixed(0)} MB`);
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  const login = await fetch(`${base}/login`, { method: 'POST', body: new URLSearchParams({ user: 'liwei', password: 'bench-password' }), redirect: 'manual' });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  let i = 0;
  const search = () => `/api/works/search?q=${encodeURIComponent(typo(titles[i++ % titles.length]))}&limit=10`;
  const statement = () => `/statements/${runId}/${member}`;
  for (const [name, path, headers] of [['search', search(), {}], ['statement page', statement(), { cookie }]] as const) {
    const t = performance.now();
    const response = await fetch(`${base}${path}`, { headers });
    await response.text();
    console.log(`one ${name} request alone: ${response.status} in ${(performance.now() - t).toFixed(0)} ms`);
  }
  await drive('search (API, a typo per query)', base, search, {}, 200);
  await drive('search (API, a typo per query)', base, search, {});
  await drive('member statement page', base, statement, { cookie }, 200);
  await drive('member statement page', base, statement, { cookie });
  await inMemorySearches({ store, searchIndex: app.clef.searchIndex }, () => search().slice('/api/works/search?q='.length).split('&')[0], 1000);
  await app.close();
  await searchBreakdown(context, () => search().slice('/api/works/search?q='.length).split('&')[0], 50);
  await store.close();
} finally {
  rmSync(dir, { recursive: true, force: true });
}
