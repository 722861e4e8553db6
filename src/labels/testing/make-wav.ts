/**
 * A 16-bit PCM WAVE file of a few tones, made for tests and benchmarks (no fixture needed).
 * The samples are a deterministic function of their index.
 */
export function makeWav(seconds: number, sampleRate = 8000, channels = 1): Uint8Array {
  const frames = Math.round(seconds * sampleRate);
  const dataSize = frames * channels * 2;
  const out = new Uint8Array(44 + dataSize);
  const view = new DataView(out.buffer);
  const text = (at: number, s: string): void => out.set(new TextEncoder().encode(s), at);
  text(0, 'RIFF');
  view.setUint32(4, 36 + dataSize, true);
  text(8, 'WAVE');
  text(12, 'fmt ');
  view.setUint32(16, 16, true);
  view.setUint16(20, 1, true);
  view.setUint16(22, channels, true);
  view.setUint32(24, sampleRate, true);
  view.setUint32(28, sampleRate * channels * 2, true);
  view.setUint16(32, channels * 2, true);
  view.setUint16(34, 16, true);
  text(36, 'data');
  view.setUint32(40, dataSize, true);
  for (let i = 0; i < frames; i++) {
    const t = i / sampleRate;
    const value = Math.round(9000 * Math.sin(2 * Math.PI * 440 * t) + 3000 * Math.sin(2 * Math.PI * 660 * t));
    for (let c = 0; c < channels; c++) view.setInt16(44 + (i * channels + c) * 2, value, true);
  }
  return out;
}
