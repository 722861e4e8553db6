/**
 * Running maximum over a window of `2 * half + 1` elements of `input[start .. start + count - 1]`, written to
 * the same places of `output` (van Herk / Gil-Werman: three comparisons per element whatever the window size).
 * Edges use the part of the window inside the data. `prefix` and `suffix` are scratch of at least `count`.
 */
export function maxFilter1d(
  input: Float32Array,
  output: Float32Array,
  start: number,
  count: number,
  half: number,
  prefix: Float32Array,
  suffix: Float32Array,
): void {
  const width = 2 * half + 1;
  if (count <= width) {
    for (let i = 0; i < count; i++) output[start + i] = scanMax(input, start, Math.max(0, i - half), Math.min(count - 1, i + half));
    return;
  }
  for (let blockStart = 0; blockStart < count; blockStart += width) {
    const blockEnd = Math.min(count, blockStart + width);
    let running = -Infinity;
    for (let i = blockStart; i < blockEnd; i++) {
      const v = input[start + i];
      running = v > running ? v : running;
      prefix[i] = running;
    }
    running = -Infinity;
    for (let i = blockEnd - 1; i >= blockStart; i--) {
      const v = input[start + i];
      running = v > running ? v : running;
      suffix[i] = running;
    }
  }
  // A full window [i - half, i + half] spans one whole block or the tail of one and the head of the next.
  for (let i = half; i < count - half; i++) {
    const a = suffix[i - half];
    const b = prefix[i + half];
    output[start + i] = a > b ? a : b;
  }
  for (let i = 0; i < half; i++) output[start + i] = scanMax(input, start, 0, i + half);
  for (let i = count - half; i < count; i++) output[start + i] = scanMax(input, start, i - half, count - 1);
}

function scanMax(input: Float32Array, start: number, lo: number, hi: number): number {
  let m = -Infinity;
  for (let j = lo; j <= hi; j++) {
    const v = input[start + j];
    if (v > m) m = v;
  }
  return m;
}
