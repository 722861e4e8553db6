// npm run bench:audio — the audio identification benchmark. It fetches its own corpus (Debian game music
// packages) and tools (sox, ffmpeg) into .bench/audio (git-ignored) and commits none of it.
// Indexing, scans and single identifications run through the `clef` program as a user runs it (build first
// with `npm run build` to measure the compiled CLI); query latency is measured inside this process.
import { mkdirSync, realpathSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, loadavg } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { createSeededRandom } from '../src/random/index.js';
import { decodeAudioFile } from '../src/audio/decode-audio-file.js';
import { fingerprintSignal } from '../src/audio/fingerprint-signal.js';
import { identifyPeaks } from '../src/audio/identify-peaks.js';
import { defaultLookup, matchPeaks } from '../src/audio/match-peaks.js';
import { lookupOf } from '../src/audio/audio-index.js';
import { loadAudioIndex } from '../src/audio/audio-index-store.js';
import { defaultSearchGrid } from '../src/audio/search-grid.js';
import { defaultDecisionRule } from '../src/audio/decision-rule.js';
import { ensureTools, prepareCorpus, referencePackages } from './audio/prepare-corpus.js';
import { makeQuery, type BenchQuery } from './audio/make-queries.js';
import { recipe } from './audio/query-recipe.js';
import { clefProgram, durationOf, runClefCommand } from './audio/run-clef.js';

const cache = resolve(process.env.CLEF_BENCH_CACHE ?? '.bench/audio');
const jsSubsetEvery = 4;
const cliSamples = 20;

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}
const round = (value: number, digits = 1) => Math.round(value * 10 ** digits) / 10 ** digits;
const summary = (values: number[]) => ({ p50: round(percentile(values, 50)), p99: round(percentile(values, 99)), n: values.length });

ensureTools();
const corpus = prepareCorpus(cache);
const durations = new Map<string, number>();
for (const file of [...corpus.references, ...corpus.negatives]) durations.set(file, durationOf(file));
const hours = (files: string[]) => files.reduce((sum, f) => sum + (durations.get(f) ?? 0), 0) / 3600;
console.error(`corpus: ${corpus.references.length} reference files (${hours(corpus.references).toFixed(2)} h), ${corpus.negatives.length} negative files (${hours(corpus.negatives).toFixed(2)} h); clef: ${clefProgram.label}`);
const load = { cores: cpus().length, available_parallelism: availableParallelism(), load_average_start: loadavg().map((v) => round(v, 2)) };

// Indexing with ffmpeg decoding: the whole reference corpus, from an empty index, one `clef audio index` per package.
const indexDir = join(cache, 'index-ffmpeg');
rmSync(indexDir, { recursive: true, force: true });
let ffmpegSeconds = 0;
let ffmpegElapsed = 0;
let indexPeakRss = 0;
let indexCpu = 0;
let indexBytes = 0;
for (const pkg of referencePackages) {
  const run = runClefCommand(['audio', 'index', join(cache, 'root', pkg), '--index', indexDir, '--decoder', 'ffmpeg', '--json']);
  const result = run.json as { added_audio_s: number; failed: unknown[]; index_bytes: number };
  ffmpegSeconds += result.added_audio_s;
  indexBytes = result.index_bytes;
  ffmpegElapsed += run.seconds;
  indexPeakRss = Math.max(indexPeakRss, run.peakRssMb ?? 0);
  indexCpu += run.cpuSeconds ?? 0;
  if (result.failed.length) console.error(`failed: ${JSON.stringify(result.failed)}`);
}
const indexedHours = ffmpegSeconds / 3600;
console.error(`indexed ${indexedHours.toFixed(2)} h with ffmpeg in ${ffmpegElapsed.toFixed(1)} s (${round(ffmpegSeconds / ffmpegElapsed, 0)}× real time), peak RSS ${round(indexPeakRss, 0)} MB`);

// Indexing with the pure-JS/WASM decoders: every fourth reference file (linked into one folder), into a scratch index.
const jsDir = join(cache, 'index-js');
const jsFolder = join(cache, 'js-subset');
rmSync(jsDir, { recursive: true, force: true });
rmSync(jsFolder, { recursive: true, force: true });
mkdirSync(jsFolder, { recursive: true });
corpus.references.filter((_, i) => i % jsSubsetEvery === 0).forEach((file, n) => symlinkSync(resolve(file), join(jsFolder, `${String(n).padStart(3, '0')}-${basename(file)}`)));
const jsRun = runClefCommand(['audio', 'index', jsFolder, '--index', jsDir, '--decoder', 'js', '--json']);
const jsSeconds = (jsRun.json as { added_audio_s: number }).added_audio_s;
rmSync(jsDir, { recursive: true, force: true });
console.error(`indexed ${(jsSeconds / 3600).toFixed(2)} h with the JS decoders in ${jsRun.seconds.toFixed(1)} s, peak RSS ${round(jsRun.peakRssMb ?? 0, 0)} MB`);

// Queries: the same 60 excerpt positions under every condition, 240 negative excerpts.
const random = createSeededRandom(recipe.seed);
const pickExcerpt = (files: string[]) => {
  const usable = files.filter((f) => (durations.get(f) ?? 0) >= recipe.minFileSeconds);
  const source = usable[Math.floor(random() * usable.length)];
  const startS = Math.round(random() * ((durations.get(source) ?? 0) - 12) * 1000) / 1000;
  return { source, startS };
};
const positives = Array.from({ length: recipe.excerptsPerCondition }, () => pickExcerpt(corpus.references));
const negatives = Array.from({ length: recipe.negativeExcerpts }, () => pickExcerpt(corpus.negatives));
const queries: BenchQuery[] = [];
for (const condition of Object.keys(recipe.conditions)) positives.forEach((p, n) => queries.push(makeQuery(cache, condition, p.source, p.startS, n)));
negatives.forEach((p, n) => queries.push(makeQuery(cache, 'negative', p.source, p.startS, n)));
console.error(`${queries.length} queries ready`);

// In-process identification, as `clef audio identify` does it after decoding: fingerprint + search, timed.
const index = await loadAudioIndex(indexDir);
// Compared by real path: a recording may have been indexed under a symbolic link's name.
const bySource = new Map(index.recordings.map((r) => [realpathSync(r.file), r]));
const results = new Map<string, { correct: number; wrong: number; total: number }>();
const latencies = { positive: [] as number[], negative: [] as number[] };
// CPU time of the query: this process runs it on one thread, so it is the latency on an idle core.
const cpuLatencies: number[] = [];
const cpuMs = () => {
  const used = process.cpuUsage();
  return (used.user + used.system) / 1000;
};
const negativeBest: number[] = [];
const lookup = lookupOf(index);
for (const q of queries) {
  const samples = await decodeAudioFile(q.file, index.params.sampleRate, 'ffmpeg');
  const started = performance.now();
  const startedCpu = cpuMs();
  const fingerprint = await fingerprintSignal(samples, index.params);
  const matches = identifyPeaks(fingerprint.peaks, index);
  const elapsed = performance.now() - started;
  cpuLatencies.push(cpuMs() - startedCpu);
  const row = results.get(q.condition) ?? { correct: 0, wrong: 0, total: 0 };
  row.total++;
  if (q.condition === 'negative') {
    latencies.negative.push(elapsed);
    if (matches.length > 0) row.wrong++;
    // Not timed: the best chance score over the whole grid, however weak (the rule's safety margin).
    const candidates = matchPeaks(fingerprint.peaks, lookup, index.params, { grid: defaultSearchGrid(), candidatesPerTransform: 5, minHits: 1, ...defaultLookup });
    negativeBest.push(candidates.reduce((m, c) => Math.max(m, c.hits), 0));
  } else {
    latencies.positive.push(elapsed);
    const expected = bySource.get(realpathSync(q.source));
    const right = matches.find((m) => m.recording === expected && Math.abs(m.referenceOffsetS - m.queryOffsetS * m.timeFactor - q.startS) < 1.5);
    if (right) row.correct++;
    if (matches.some((m) => m.recording !== expected)) row.wrong++;
  }
  results.set(q.condition, row);
}
const queryRss = process.resourceUsage().maxRSS / 1024;

// Whole CLI calls: one query file per `clef audio identify` (start, index load, decode, search), and a scan of
// the clean queries' folder on one thread and on every core.
const cliQueries = [...queries.filter((q) => q.condition === 'clean').slice(0, cliSamples / 2), ...queries.filter((q) => q.condition === 'negative').slice(0, cliSamples / 2)];
const cliCalls = cliQueries.map((q) => runClefCommand(['audio', 'identify', q.file, '--index', indexDir, '--decoder', 'ffmpeg', '--json']).seconds * 1000);
const scanFolder = join(cache, 'queries', 'clean');
const scanOne = runClefCommand(['audio', 'scan', scanFolder, '--index', indexDir, '--decoder', 'ffmpeg', '--workers', '1', '--json']);
const scanAll = runClefCommand(['audio', 'scan', scanFolder, '--index', indexDir, '--decoder', 'ffmpeg', '--json']);
const scanFiles = (scanAll.json as { summary: { files_scanned: number; files_with_matches: number } }).summary;

const report = {
  machine: { ...load, load_average_end: loadavg().map((v) => round(v, 2)), node: process.version, clef: clefProgram.label },
  corpus: { reference_files: corpus.references.length, reference_hours: indexedHours, negative_files: corpus.negatives.length },
  decision_rule: defaultDecisionRule,
  conditions: Object.fromEntries(results),
  negative_best_hits: { max: Math.max(...negativeBest), p99: percentile(negativeBest, 99), p50: percentile(negativeBest, 50) },
  indexing: {
    ffmpeg: {
      audio_hours: indexedHours,
      seconds: round(ffmpegElapsed),
      real_time_factor: round(ffmpegSeconds / ffmpegElapsed, 0),
      cpu_seconds_with_ffmpeg: round(indexCpu),
      real_time_per_cpu_second: round(ffmpegSeconds / indexCpu, 0),
      peak_rss_mb: round(indexPeakRss, 0),
    },
    js: { audio_hours: jsSeconds / 3600, seconds: round(jsRun.seconds), real_time_factor: round(jsSeconds / jsRun.seconds, 0), peak_rss_mb: round(jsRun.peakRssMb ?? 0, 0) },
  },
  index: { bytes: indexBytes, entries: lookup.times.length, bytes_per_hour: round(indexBytes / indexedHours, 0) },
  query_ms_in_process: {
    all: summary([...latencies.positive, ...latencies.negative]),
    positives: summary(latencies.positive),
    negatives: summary(latencies.negative),
    cpu_ms_all: summary(cpuLatencies),
  },
  query_ms_cli_call: summary(cliCalls),
  scan: {
    files: scanFiles.files_scanned,
    files_with_matches: scanFiles.files_with_matches,
    one_thread_s: round(scanOne.seconds, 2),
    every_core_s: round(scanAll.seconds, 2),
    speedup: round(scanOne.seconds / scanAll.seconds, 2),
    peak_rss_mb: round(scanAll.peakRssMb ?? 0, 0),
  },
  peak_rss_mb_query_process: round(queryRss, 0),
};
writeFileSync(join(cache, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
