/** The rhythm cue GB 45438 names for audio: short, long, short, short. */
export const RHYTHM_CUE_PATTERN = ['short', 'long', 'short', 'short'] as const;

/** Tone and gap lengths in seconds; a short tone is a third of a long one so the rhythm is heard. */
const SHORT = 0.12;
const LONG = 0.36;
const GAP = 0.1;
const TAIL = 0.4;
const FREQUENCY = 1000;

/**
 * The short-long-short-short cue as mono samples in [-1, 1] at the given rate: 1 kHz tones with
 * 5 ms fades (no clicks), gaps between them and a pause before the music starts.
 */
export function makeRhythmCue(sampleRate: number, amplitude = 0.5): Float32Array {
  const lengths = RHYTHM_CUE_PATTERN.map((beat) => Math.round((beat === 'short' ? SHORT : LONG) * sampleRate));
  const gap = Math.round(GAP * sampleRate);
  const total = lengths.reduce((n, l) => n + l + gap, 0) + Math.round(TAIL * sampleRate);
  const out = new Float32Array(total);
  const fade = Math.round(0.005 * sampleRate);
  let at = 0;
  for (const length of lengths) {
    for (let i = 0; i < length; i++) {
      const envelope = Math.min(1, i / fade, (length - 1 - i) / fade);
      out[at + i] = amplitude * envelope * Math.sin((2 * Math.PI * FREQUENCY * i) / sampleRate);
    }
    at += length + gap;
  }
  return out;
}
