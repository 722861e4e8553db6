import type { PeakTransform } from './landmark-hashes.js';

/** The transforms a query is tried under, identity first, so speed, tempo and pitch changes are found. */
export type SearchGrid = readonly PeakTransform[];

/**
 * Band shifts of −3.5 … +3.5 bands (36 per octave: ±1.2 semitones) in half-band steps, crossed with
 * time scales 0.94 … 1.06 in 3 % steps; the matcher's slope refinement covers the ±1.5 % between them.
 */
export function defaultSearchGrid(): SearchGrid {
  const grid: PeakTransform[] = [{ bandShift: 0, timeScale: 1 }];
  for (const timeScale of [1, 0.97, 1.03, 0.94, 1.06]) {
    for (let step = -7; step <= 7; step++) {
      const bandShift = step / 2;
      if (bandShift === 0 && timeScale === 1) continue;
      grid.push({ bandShift, timeScale });
    }
  }
  return grid;
}

/** Only the identity transform: exact speed and pitch, the fastest search. */
export function exactSearchGrid(): SearchGrid {
  return [{ bandShift: 0, timeScale: 1 }];
}
