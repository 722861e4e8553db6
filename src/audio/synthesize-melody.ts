import { createSeededRandom } from '../random/index.js';

/** What to synthesize: a seed picks the music; pitch and tempo factors render the same music changed. */
export interface MelodyOptions {
  readonly seed: number;
  readonly durationS: number;
  readonly sampleRate: number;
  /** Every frequency multiplied by this (2^(1/12): one semitone up). */
  readonly pitchFactor?: number;
  /** Played this many times faster (1.05: 5 % faster, 5 % shorter). */
  readonly tempoFactor?: number;
}

interface Note {
  readonly start: number;
  readonly length: number;
  readonly hz: number;
  readonly gain: number;
  readonly partials: number;
}

const scale = [0, 2, 3, 5, 7, 8, 10];

/**
 * A short piece of synthetic music (a melody, a bass line, chords and noise hits) for tests and the demo:
 * deterministic for a seed, with its pitch and tempo changeable exactly, the way a speed, tempo or pitch
 * edit changes a recording.
 */
export function synthesizeMelody(options: MelodyOptions): Float32Array {
  const pitch = options.pitchFactor ?? 1;
  const tempo = options.tempoFactor ?? 1;
  const rate = options.sampleRate;
  const random = createSeededRandom(options.seed);
  const notes: Note[] = [];
  const root = 45 + Math.floor(random() * 12);
  const midiHz = (midi: number) => 440 * 2 ** ((midi - 69) / 12);
  const pick = (octave: number) => root + 12 * octave + scale[Math.floor(random() * scale.length)];
  // The score is written in original time, long enough for any tempo up to 1.25, and the same whatever the
  // factors; the tempo factor compresses it when rendered.
  const scoreLength = options.durationS * 1.25;
  for (let t = 0; t < scoreLength; ) {
    const length = [0.125, 0.25, 0.25, 0.375, 0.5][Math.floor(random() * 5)];
    notes.push({ start: t, length: length * 1.1, hz: midiHz(pick(1 + Math.floor(random() * 2))), gain: 0.5 + 0.3 * random(), partials: 6 });
    t += length;
  }
  for (let t = 0; t < scoreLength; t += 0.5) notes.push({ start: t, length: 0.45, hz: midiHz(pick(0)), gain: 0.5, partials: 4 });
  for (let t = 0; t < scoreLength; t += 2) {
    const chordRoot = pick(1);
    for (const step of [0, 3, 7]) notes.push({ start: t, length: 1.9, hz: midiHz(chordRoot + step), gain: 0.15, partials: 3 });
  }
  const out = new Float32Array(Math.round(options.durationS * rate));
  for (const note of notes) {
    const from = Math.round((note.start / tempo) * rate);
    const to = Math.min(out.length, Math.round(((note.start + note.length) / tempo) * rate));
    if (from >= out.length) continue;
    const hz = note.hz * pitch;
    for (let k = 1; k <= note.partials; k++) {
      const f = hz * k;
      if (f > rate / 2.2) break;
      const w = (2 * Math.PI * f) / rate;
      const amp = note.gain / k;
      for (let i = from; i < to; i++) {
        const age = (i - from) / rate;
        const envelope = Math.min(1, age * 200) * Math.exp(-age * 3 * tempo);
        out[i] += amp * envelope * Math.sin(w * (i - from));
      }
    }
  }
  const hits = createSeededRandom(options.seed ^ 0x9e3779b9);
  for (let t = 0.25; t < scoreLength; t += 1) {
    const from = Math.round((t / tempo) * rate);
    if (from >= out.length) break;
    const to = Math.min(out.length, from + Math.round(0.05 * rate));
    for (let i = from; i < to; i++) out[i] += 0.3 * (hits() * 2 - 1) * Math.exp((-(i - from) / rate) * 60);
  }
  let peak = 0;
  for (const v of out) peak = Math.max(peak, Math.abs(v));
  if (peak > 0) for (let i = 0; i < out.length; i++) out[i] *= 0.8 / peak;
  return out;
}
