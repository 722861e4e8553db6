/**
 * Draws indexes 0..n-1 with Zipf-like popularity (weight 1/(rank+1)^exponent), the heavy tail of real
 * streaming: a few recordings take most plays. One Float64Array of n cumulative weights (8 MB for 1 M).
 */
export function createZipfSampler(n: number, exponent: number, random: () => number): () => number {
  const cumulative = new Float64Array(n);
  let total = 0;
  for (let i = 0; i < n; i++) {
    total += 1 / Math.pow(i + 1, exponent);
    cumulative[i] = total;
  }
  return () => {
    const target = random() * total;
    let low = 0;
    let high = n - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (cumulative[mid] < target) low = mid + 1;
      else high = mid;
    }
    return low;
  };
}
