// npm run bench:audio — the audio identification benchmark. It fetches its own corpus (Debian game music
// packages) and tools (sox, ffmpeg) into .bench/audio (git-ignored) and commits none of it.
import { realpathSync, rmSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { createSeededRandom } from '../src/random/index.js';
import { decodeAudioFile } from '../src/audio/decode-audio-file.js';
import { fingerprintSignal } from '../src/audio/fingerprint-signal.js';
import { identifyPeaks } from '../src/audio/identify-peaks.js';
import { defaultLookup, matchPeaks } from '../src/audio/match-peaks.js';
import { lookupOf } from '../src/audio/audio-index.js';
import { loadAudioIndex } from '../src/audio/audio-index-store.js';
import { indexAudio } from '../src/audio/index-audio.js';
import { defaultSearchGrid } from '../src/audio/search-grid.js';
import { acceptCandidate, defaultDecisionRule } from '../src/audio/decision-rule.js';
import { ensureTools, prepareCorpus } from './audio/prepare-corpus.js';
import { makeQuery, type BenchQuery } from './audio/make-queries.js';
import { recipe } from './audio/query-recipe.js';
import { execFileSync } from 'node:child_process';

const cache = resolve(process.env.CLEF_BENCH_CACHE ?? '.bench/audio');
const jsSubsetEvery = 4;

/** The duration ffprobe reports, or 0 for a file it cannot read (such files are never drawn as excerpts). */
function durationOf(file: string): number {
  try {
    return Number(execFileSync('ffprobe', ['-v', 'quiet', '-show_entries', 'format=duration', '-of', 'csv=p=0', file], { encoding: 'utf8' }).trim()) || 0;
  } catch {
    return 0;
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

ensureTools();
const corpus = prepareCorpus(cache);
const durations = new Map<string, number>();
for (const file of [...corpus.references, ...corpus.negatives]) durations.set(file, durationOf(file));
const hours = (files: string[]) => files.reduce((sum, f) => sum + (durations.get(f) ?? 0), 0) / 3600;
console.error(`corpus: ${corpus.references.length} reference files (${hours(corpus.references).toFixed(2)} h), ${corpus.negatives.length} negative files (${hours(corpus.negatives).toFixed(2)} h)`);

// Indexing with ffmpeg decoding: the whole reference corpus, from an empty index.
const indexDir = join(cache, 'index-ffmpeg');
rmSync(indexDir, { recursive: true, force: true });
const listDir = join(cache, 'root');
let t0 = performance.now();
let ffmpegSeconds = 0;
for (const pkg of ['wesnoth-1.16-music', 'warzone2100-music', 'singularity-music', 'drascula-music']) {
  const r = await indexAudio({ target: join(listDir, pkg), indexDir, decoder: 'ffmpeg' }, () => performance.now());
  ffmpegSeconds += r.addedSeconds;
  if (r.failed.length) console.error(`failed: ${JSON.stringify(r.failed)}`);
}
const ffmpegElapsed = (performance.now() - t0) / 1000;
const index = await loadAudioIndex(indexDir);
const { audioIndexBytes } = await import('../src/audio/audio-index-store.js');
const indexBytes = await audioIndexBytes(indexDir);
const indexedHours = ffmpegSeconds / 3600;
console.error(`indexed ${indexedHours.toFixed(2)} h with ffmpeg in ${ffmpegElapsed.toFixed(1)} s`);

// Indexing with the pure-JS/WASM decoders: every fourth reference file, into a scratch index.
const jsDir = join(cache, 'index-js');
rmSync(jsDir, { recursive: true, force: true });
const jsFiles = corpus.references.filter((_, i) => i % jsSubsetEvery === 0);
t0 = performance.now();
let jsSeconds = 0;
for (const file of jsFiles) jsSeconds += (await indexAudio({ target: file, indexDir: jsDir, decoder: 'js' }, () => performance.now())).addedSeconds;
const jsElapsed = (performance.now() - t0) / 1000;
rmSync(jsDir, { recursive: true, force: true });
console.error(`indexed ${(jsSeconds / 3600).toFixed(2)} h with the JS decoders in ${jsElapsed.toFixed(1)} s`);

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

// Compared by real path: a recording may have been indexed under a symbolic link's name.
const bySource = new Map(index.recordings.map((r) => [realpathSync(r.file), r]));
const results = new Map<string, { correct: number; wrong: number; total: number }>();
const latencies: number[] = [];
const negativeBest: number[] = [];
const lookup = lookupOf(index);
for (const q of queries) {
  const samples = await decodeAudioFile(q.file, index.params.sampleRate, 'ffmpeg');
  const started = performance.now();
  const fingerprint = await fingerprintSignal(samples, index.params);
  const row = results.get(q.condition) ?? { correct: 0, wrong: 0, total: 0 };
  row.total++;
  if (q.condition === 'negative') {
    // One full-grid search gives both the verdict and the best chance score (the rule's safety margin).
    const candidates = matchPeaks(fingerprint.peaks, lookup, index.params, { grid: defaultSearchGrid(), candidatesPerTransform: 5, minHits: 1, ...defaultLookup });
    latencies.push(performance.now() - started);
    if (candidates.some((c) => acceptCandidate(c, defaultDecisionRule, index.params.hop / index.params.sampleRate))) row.wrong++;
    negativeBest.push(candidates.reduce((m, c) => Math.max(m, c.hits), 0));
  } else {
    const matches = identifyPeaks(fingerprint.peaks, index);
    latencies.push(performance.now() - started);
    const expected = bySource.get(realpathSync(q.source));
    const right = matches.find((m) => m.recording === expected && Math.abs(m.referenceOffsetS - m.queryOffsetS * m.timeFactor - q.startS) < 1.5);
    if (right) row.correct++;
    if (matches.some((m) => m.recording !== expected)) row.wrong++;
  }
  results.set(q.condition, row);
}

const memoryMb = process.resourceUsage().maxRSS / 1024;
const report = {
  corpus: { reference_files: corpus.references.length, reference_hours: indexedHours, negative_files: corpus.negatives.length },
  decision_rule: defaultDecisionRule,
  conditions: Object.fromEntries(results),
  negative_best_hits: { max: Math.max(...negativeBest), p99: percentile(negativeBest, 99), p50: percentile(negativeBest, 50) },
  indexing: {
    ffmpeg: { audio_hours: indexedHours, seconds: ffmpegElapsed, real_time_factor: ffmpegSeconds / ffmpegElapsed },
    js: { audio_hours: jsSeconds / 3600, seconds: jsElapsed, real_time_factor: jsSeconds / jsElapsed },
  },
  index: { bytes: indexBytes, entries: lookup.times.length, bytes_per_hour: indexBytes / indexedHours },
  query_ms: { p50: percentile(latencies, 50), p99: percentile(latencies, 99) },
  peak_rss_mb: memoryMb,
};
writeFileSync(join(cache, 'results.json'), `${JSON.stringify(report, null, 2)}\n`);
console.log(JSON.stringify(report, null, 2));
