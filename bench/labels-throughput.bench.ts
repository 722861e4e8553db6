// Labels and verifies 3-minute MP3 and WAV files made here, and reports files per second and peak memory.
// Usage: tsx bench/labels-throughput.bench.ts wav|mp3 [files]
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { initKeyFolder, readKeyring } from '../src/labels/key-folder.js';
import { issueLabel } from '../src/labels/issue-label.js';
import { verifyLabel } from '../src/labels/verify-label.js';
import { uniformReservation } from '../src/labels/training-mining.js';
import { makeWav } from '../src/labels/testing/make-wav.js';

const format = process.argv[2] === 'mp3' ? 'mp3' : 'wav';
const count = Number(process.argv[3] ?? 20);
const SECONDS = 180;

function threeMinuteMp3(): Uint8Array {
  const piece = readFileSync(new URL('../src/labels/testing/audio/tone-44k-stereo-128k.mp3', import.meta.url));
  const copies = Math.ceil(SECONDS / 2);
  const out = new Uint8Array(piece.length * copies);
  for (let i = 0; i < copies; i++) out.set(piece, i * piece.length);
  return out;
}

const audio = format === 'mp3' ? threeMinuteMp3() : makeWav(SECONDS, 44100, 2);
const dir = mkdtempSync(join(tmpdir(), 'clef-bench-labels-'));
await initKeyFolder(dir, 'Bench Society', new Date('2025-01-01T00:00:00Z'));
const keyring = readKeyring(dir);
const request = {
  title: `bench.${format}`,
  subject: { kind: 'direct', digitalSourceType: 'trainedAlgorithmicMedia', producer: 'GenMusic AI', contentId: 'gm-bench' } as const,
  defaultTrainingMining: uniformReservation('notAllowed'),
};

await verifyLabel((await issueLabel(audio, request, keyring)).bytes, keyring);
let issueMs = 0;
let verifyMs = 0;
for (let i = 0; i < count; i++) {
  const started = performance.now();
  const issued = await issueLabel(audio, { ...request, subject: { ...request.subject, contentId: `gm-${i}` } }, keyring);
  const labelled = performance.now();
  const verified = await verifyLabel(issued.bytes, keyring);
  verifyMs += performance.now() - labelled;
  issueMs += labelled - started;
  if (verified.status !== 'valid') throw new Error(`file ${i} did not verify: ${verified.problems.join('; ')}`);
}
rmSync(dir, { recursive: true, force: true });
const mb = audio.length / 1e6;
const peakMb = process.resourceUsage().maxRSS / 1024;
console.log(`${format}: ${count} files of ${SECONDS} s (${mb.toFixed(1)} MB each)`);
console.log(`  label:  ${(count / (issueMs / 1000)).toFixed(2)} files/s (${(issueMs / count).toFixed(0)} ms each, ${((mb * count) / (issueMs / 1000)).toFixed(0)} MB/s)`);
console.log(`  verify: ${(count / (verifyMs / 1000)).toFixed(2)} files/s (${(verifyMs / count).toFixed(0)} ms each)`);
console.log(`  label + verify: ${(count / ((issueMs + verifyMs) / 1000)).toFixed(2)} files/s; peak RSS ${peakMb.toFixed(0)} MB`);
