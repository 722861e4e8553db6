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
 * The landmark pairs of a peak list under one time scale, in anchor order: `anchors[i]` is the anchor's peak
 * index, `dts[i]` the scaled frame difference and `dbs[i]` the band difference. They do not depend on the band
 * shift, so a query computes them once per time scale and hashes them under every band shift.
 */
export interface LandmarkPairs {
  readonly timeScale: number;
  readonly count: number;
  readonly anchors: Int32Array;
  readonly dts: Int32Array;
  readonly dbs: Int32Array;
}

/** Pairs each anchor peak with the next `fanOut` peaks in its target zone (frame differences scaled by `timeScale`). */
export function landmarkPairs(peaks: readonly Peak[], params: FingerprintParams, timeScale = 1): LandmarkPairs {
  const capacity = peaks.length * params.fanOut;
  const anchors = new Int32Array(capacity);
  const dts = new Int32Array(capacity);
  const dbs = new Int32Array(capacity);
  let count = 0;
  for (let i = 0; i < peaks.length; i++) {
    const anchor = peaks[i];
    let paired = 0;
    for (let j = i + 1; j < peaks.length && paired < params.fanOut; j++) {
      const target = peaks[j];
      const dt = Math.round((target.frame - anchor.frame) * timeScale);
      if (dt > params.pairMaxFrames) break;
      if (dt < params.pairMinFrames) continue;
      const db = Math.round(target.band - anchor.band);
      if (db > params.pairMaxBands || db < -params.pairMaxBands) continue;
      paired++;
      anchors[count] = i;
      dts[count] = dt;
      dbs[count] = db;
      count++;
    }
  }
  return { timeScale, count, anchors, dts, dbs };
}

/**
 * Packs pairs into 21-bit hashes (anchor band, band difference, frame difference) under a band shift; band
 * differences are pitch-invariant and only the anchor band moves under a pitch shift. With `frameSpread` 1, each
 * pair is also hashed at frame difference ±1, which a query uses to absorb the jitter of its frame grid.
 */
export function hashLandmarkPairs(peaks: readonly Peak[], pairs: LandmarkPairs, bandShift: number, frameSpread = 0): LandmarkHashes {
  const capacity = pairs.count * (2 * frameSpread + 1);
  const hashes = new Uint32Array(capacity);
  const frames = new Float64Array(capacity);
  const scale = pairs.timeScale;
  let n = 0;
  let lastAnchor = -1;
  let anchorBand = 0;
  let anchorFrame = 0;
  for (let p = 0; p < pairs.count; p++) {
    const a = pairs.anchors[p];
    if (a !== lastAnchor) {
      lastAnchor = a;
      anchorBand = Math.round(peaks[a].band - bandShift);
      anchorFrame = peaks[a].frame * scale;
    }
    if (anchorBand < 0 || anchorBand > 255) continue;
    const dt = pairs.dts[p];
    const base = (anchorBand << 13) | ((pairs.dbs[p] + 64) << 6);
    for (let d = -frameSpread; d <= frameSpread; d++) {
      const spread = dt + d;
      if (spread < 0 || spread > 63) continue;
      hashes[n] = base | spread;
      frames[n] = anchorFrame;
      n++;
    }
  }
  return { hashes: hashes.subarray(0, n), frames: frames.subarray(0, n) };
}

/** The landmark hashes of a peak list under a transform (`landmarkPairs` then `hashLandmarkPairs`). */
export function landmarkHashes(
  peaks: readonly Peak[],
  params: FingerprintParams,
  transform: PeakTransform = identityTransform,
  frameSpread = 0,
): LandmarkHashes {
  return hashLandmarkPairs(peaks, landmarkPairs(peaks, params, transform.timeScale), transform.bandShift, frameSpread);
}
