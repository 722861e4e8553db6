/**
 * Running maximum over a window of `2 * half + 1` elements of a strided sequence (van Herk / Gil-Werman):
 * three comparisons per element whatever the window size. Edges use the part of the window inside the data.
 */
export function maxFilter1d(
  input: Float32Array,
  output: Float32Array,
  start: number,
  count: number,
  stride: number,
  half: number,
  prefix: Float32Array,
  suffix: Float32Array,
): void {
  const width = 2 * half + 1;
  for (let blockStart = 0; blockStart < count; blockStart += width) {
    const blockEnd = Math.min(count, blockStart + width);
    let running = -Infinity;
    for (let i = blockStart; i < blockEnd; i++) {
      const v = input[start + i * stride];
      running = v > running ? v : running;
      prefix[i] = running;
    }
    running = -Infinity;
    for (let i = blockEnd - 1; i >= blockStart; i--) {
      const v = input[start + i * stride];
      running = v > running ? v : running;
      suffix[i] = running;
    }
  }
  for (let i = 0; i < count; i++) {
    const lo = i - half < 0 ? 0 : i - half;
    const hi = i + half >= count ? count - 1 : i + half;
    const a = suffix[lo];
    const b = prefix[hi];
    // When lo and hi fall in the same block, suffix[lo] already covers the block end beyond hi; recompute then.
    if (Math.floor(lo / width) === Math.floor(hi / width)) {
      let m = -Infinity;
      for (let j = lo; j <= hi; j++) {
        const v = input[start + j * stride];
        if (v > m) m = v;
      }
      output[start + i * stride] = m;
    } else {
      output[start + i * stride] = a > b ? a : b;
    }
  }
}
