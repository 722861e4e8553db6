import type { FingerprintParams } from './fingerprint-params.js';
import type { Peak } from './spectral-peaks.js';

/** Landmark hashes of a peak list: `hashes[i]` was made at anchor frame `frames[i]`. */
export interface LandmarkHashes {
  readonly hashes: Uint32Array;
  readonly frames: Float64Array;
}

/**
 * How query peaks are mapped back into the reference's frame before hashing: a query that was sped up by s
 * or pitched by p is heard at band + 36·log2(p) and frame / s, so it is hashed at band − bandShift and frame × timeScale.
 */
export interface PeakTransform {
  readonly bandShift: number;
  readonly timeScale: number;
}

/** The identity transform used for indexing and for the first query pass. */
export const identityTransform: PeakTransform = { bandShift: 0, timeScale: 1 };

/** Number of bits a landmark hash uses (band 8, band difference 7, frame difference 6). */
export const hashBits = 21;

/**
 * Pairs each anchor peak with the next `fanOut` peaks in its target zone and packs
 * (anchor band, band difference, frame difference) into a 21-bit hash; band differences are
 * pitch-invariant and only the anchor band moves under a pitch shift. With `frameSpread` 1, each pair
 * is also hashed at frame difference ±1, which a query uses to absorb the jitter of its frame grid.
 */
export function landmarkHashes(
  peaks: readonly Peak[],
  params: FingerprintParams,
  transform: PeakTransform = identityTransform,
  frameSpread = 0,
): LandmarkHashes {
  const hashes: number[] = [];
  const frames: number[] = [];
  const scale = transform.timeScale;
  for (let i = 0; i < peaks.length; i++) {
    const anchor = peaks[i];
    const anchorBand = Math.round(anchor.band - transform.bandShift);
    if (anchorBand < 0 || anchorBand > 255) continue;
    const anchorFrame = anchor.frame * scale;
    let paired = 0;
    for (let j = i + 1; j < peaks.length && paired < params.fanOut; j++) {
      const target = peaks[j];
      const dt = Math.round((target.frame - anchor.frame) * scale);
      if (dt > params.pairMaxFrames) break;
      if (dt < params.pairMinFrames) continue;
      const db = Math.round(target.band - anchor.band);
      if (db > params.pairMaxBands || db < -params.pairMaxBands) continue;
      paired++;
      const base = (anchorBand << 13) | ((db + 64) << 6);
      for (let d = -frameSpread; d <= frameSpread; d++) {
        const spread = dt + d;
        if (spread < 0 || spread > 63) continue;
        hashes.push(base | spread);
        frames.push(anchorFrame);
      }
    }
  }
  return { hashes: Uint32Array.from(hashes), frames: Float64Array.from(frames) };
}
