import { test } from 'node:test';
import assert from 'node:assert/strict';
import { renderAlignmentSvg } from './alignment-svg.js';
import { addRecording, createAudioIndex } from './audio-index.js';
import { defaultFingerprintParams as params } from './fingerprint-params.js';
import { fingerprintSignal } from './fingerprint-signal.js';
import { computeMatchEvidence } from './match-evidence.js';
import { synthesizeMelody } from './synthesize-melody.js';

const rate = params.sampleRate;
const index = createAudioIndex(params);
const { recording: first } = addRecording(index, { isrc: 'ZZCLF2600061', file: 'a.wav', digest: 'a' }, await fingerprintSignal(synthesizeMelody({ seed: 61, durationS: 40, sampleRate: rate })));
const { recording: second } = addRecording(index, { isrc: 'ZZCLF2600062', file: 'b.wav', digest: 'b' }, await fingerprintSignal(synthesizeMelody({ seed: 62, durationS: 40, sampleRate: rate })));
// A query that plays 4 s of the second recording (from 20 s, 5 % fast), then 6 s of the first (from 5 s).
const fast = synthesizeMelody({ seed: 62, durationS: 40, sampleRate: rate, tempoFactor: 1.05, pitchFactor: 1.05 });
const query = new Float32Array(10 * rate);
query.set(fast.slice(Math.round((20 / 1.05) * rate), Math.round((20 / 1.05) * rate) + 4 * rate));
query.set(synthesizeMelody({ seed: 61, durationS: 40, sampleRate: rate }).slice(5 * rate, 11 * rate), 4 * rate);
const fingerprint = await fingerprintSignal(query);

test('places the matched span of each recording on the query and reference timelines', () => {
  const a = computeMatchEvidence(fingerprint.peaks, fingerprint.frameCount, index, first);
  assert.equal(a.accepted, true);
  assert.ok(a.matched_span.query_start_s >= 3.9 && a.matched_span.query_end_s <= 10, JSON.stringify(a.matched_span));
  assert.ok(Math.abs(a.matched_span.reference_start_s - (a.matched_span.query_start_s + 1)) < 0.1, JSON.stringify(a.matched_span));
  assert.ok(Math.abs(a.time_factor - 1) < 0.01);
  const b = computeMatchEvidence(fingerprint.peaks, fingerprint.frameCount, index, second);
  assert.equal(b.accepted, true);
  assert.ok(b.matched_span.query_end_s <= 4.1, JSON.stringify(b.matched_span));
  assert.ok(Math.abs(b.time_factor - 1.05) < 0.01 && Math.abs(b.frequency_factor - 1.05) < 0.02);
  assert.ok(Math.abs(b.matched_span.reference_start_s - (20 + b.matched_span.query_start_s * 1.05)) < 0.1, JSON.stringify(b.matched_span));
});

test('every plotted point lies on the alignment line, and the agreement ratio is a fraction', () => {
  const a = computeMatchEvidence(fingerprint.peaks, fingerprint.frameCount, index, first);
  for (const [q, r] of a.points) assert.ok(Math.abs(r - (q + 1)) < 0.05, `${q} → ${r}`);
  assert.ok(a.hash_agreement.matched <= a.hash_agreement.query_hashes && a.hash_agreement.ratio > 0);
  assert.equal(a.segments.reduce((n, s) => n + s.hits, 0), a.points.length);
  const svg = renderAlignmentSvg(a);
  assert.equal((svg.match(/<circle /g) ?? []).length, a.points.length);
});

test('reports no accepted match for a recording the query does not contain', async () => {
  const { recording: absent } = addRecording(index, { isrc: 'ZZCLF2600063', file: 'c.wav', digest: 'c' }, await fingerprintSignal(synthesizeMelody({ seed: 63, durationS: 40, sampleRate: rate })));
  const c = computeMatchEvidence(fingerprint.peaks, fingerprint.frameCount, index, absent);
  assert.equal(c.accepted, false);
  assert.ok(c.score < 14);
});
