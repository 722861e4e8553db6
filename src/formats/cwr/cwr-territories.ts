/** One step of an SPT/SWT chain: include or exclude a TIS territory, applied in sequence order. */
export interface CwrTerritoryStep {
  readonly include: boolean;
  readonly tis: number;
}

/** The TIS territories Clef knows, and what an include/exclude chain of them leaves. */
export interface CwrTerritories {
  /** True when the TIS numeric code is a known territory or group. */
  has(tis: number): boolean;
  /** True when the chain, read in order, leaves at least one country (`I2136, E250` does; `E2136` alone does not). */
  coversSomething(chain: readonly CwrTerritoryStep[]): boolean;
}

/**
 * Builds the territory sets from the TIS tables: `territories` lists TIS-N codes, `tree` gives (level, TIS-N, type)
 * rows where a row belongs to the nearest row above with a lower level. Countries become bits, groups their union.
 */
export function buildCwrTerritories(territories: readonly number[], tree: readonly { level: number; tis: number; country: boolean }[]): CwrTerritories {
  const bitOf = new Map<number, number>();
  const countryBit = (tis: number): number => {
    let bit = bitOf.get(tis);
    if (bit === undefined) bitOf.set(tis, (bit = bitOf.size));
    return bit;
  };
  for (const row of tree) if (row.country) countryBit(row.tis);
  const members = new Map<number, Set<number>>();
  const path: { level: number; tis: number }[] = [];
  for (const row of tree) {
    while (path.length > 0 && path[path.length - 1].level >= row.level) path.pop();
    if (row.country) for (const group of path) getOrAdd(members, group.tis).add(countryBit(row.tis));
    else path.push(row);
  }
  for (const tis of territories) if (!members.has(tis)) getOrAdd(members, tis).add(countryBit(tis));
  const words = Math.ceil(bitOf.size / 32) + 1;
  const masks = new Map<number, Uint32Array>();
  for (const [tis, bits] of members) {
    const mask = new Uint32Array(words);
    for (const bit of bits) mask[bit >>> 5] |= 1 << (bit & 31);
    masks.set(tis, mask);
  }
  for (const row of tree) if (row.country && !masks.has(row.tis)) masks.set(row.tis, maskOf(words, countryBit(row.tis)));
  const scratch = new Uint32Array(words);
  return {
    has: (tis) => masks.has(tis),
    coversSomething(chain) {
      scratch.fill(0);
      for (const step of chain) {
        const mask = masks.get(step.tis);
        if (!mask) continue;
        for (let i = 0; i < words; i++) scratch[i] = step.include ? scratch[i] | mask[i] : scratch[i] & ~mask[i];
      }
      return scratch.some((word) => word !== 0);
    },
  };
}

function maskOf(words: number, bit: number): Uint32Array {
  const mask = new Uint32Array(words);
  mask[bit >>> 5] |= 1 << (bit & 31);
  return mask;
}

function getOrAdd(map: Map<number, Set<number>>, key: number): Set<number> {
  let set = map.get(key);
  if (!set) map.set(key, (set = new Set()));
  return set;
}
