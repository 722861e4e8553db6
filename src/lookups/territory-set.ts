import { ClefError } from '../errors/clef-error.js';
import type { TerritoryChain } from './territory.js';
import { worldTis } from './territory.js';
import type { TerritoryTable } from './territory-table.js';

/** A set of countries, as bits over the territory table's country index: cheap to combine and compare. */
export interface TerritorySet {
  readonly table: TerritoryTable;
  readonly words: Uint32Array;
}

/** The TIS codes in a chain that the territory table does not know. */
export function unknownTerritories(table: TerritoryTable, chain: TerritoryChain): number[] {
  return chain.filter((step) => !table.members.has(step.tis)).map((step) => step.tis);
}

/**
 * Resolves an ordered include/exclude chain into the countries it covers: `I2136, E250` is the World except France.
 * Throws CLEF_REGISTRY_TERRITORY_UNKNOWN for a code not in the table (check with `unknownTerritories` first to report instead).
 */
export function resolveTerritories(table: TerritoryTable, chain: TerritoryChain): TerritorySet {
  const words = new Uint32Array(table.wordCount);
  for (const step of chain) {
    const members = table.members.get(step.tis);
    if (!members) {
      throw new ClefError('CLEF_REGISTRY_TERRITORY_UNKNOWN', `TIS territory ${step.tis} is not in the territory table`, {
        field: 'TIS Numeric Code',
        value: String(step.tis),
      });
    }
    if (step.inclusion === 'I') for (let i = 0; i < words.length; i++) words[i] |= members[i];
    else for (let i = 0; i < words.length; i++) words[i] &= ~members[i];
  }
  return { table, words };
}

/** The whole World as a set. */
export function worldSet(table: TerritoryTable): TerritorySet {
  return { table, words: table.members.get(worldTis)!.slice() };
}

/** True when the set covers the country `tis`, or every country of the group `tis` (false for an unknown or empty code). */
export function covers(set: TerritorySet, tis: number): boolean {
  const members = set.table.members.get(tis);
  if (!members) return false;
  let any = 0;
  for (let i = 0; i < members.length; i++) {
    if ((members[i] & ~set.words[i]) !== 0) return false;
    any |= members[i];
  }
  return any !== 0;
}

/** The countries in `a` that are also in `b`. */
export function intersectTerritories(a: TerritorySet, b: TerritorySet): TerritorySet {
  const words = new Uint32Array(a.words.length);
  for (let i = 0; i < words.length; i++) words[i] = a.words[i] & b.words[i];
  return { table: a.table, words };
}

/** The countries in `a` or in `b`. */
export function unionTerritories(a: TerritorySet, b: TerritorySet): TerritorySet {
  const words = new Uint32Array(a.words.length);
  for (let i = 0; i < words.length; i++) words[i] = a.words[i] | b.words[i];
  return { table: a.table, words };
}

/** The countries in `a` that are not in `b`. */
export function subtractTerritories(a: TerritorySet, b: TerritorySet): TerritorySet {
  const words = new Uint32Array(a.words.length);
  for (let i = 0; i < words.length; i++) words[i] = a.words[i] & ~b.words[i];
  return { table: a.table, words };
}

/** True when the set has no country. */
export function isEmptyTerritorySet(set: TerritorySet): boolean {
  for (const word of set.words) if (word !== 0) return false;
  return true;
}

/** A short string equal for equal sets, to group or cache by. */
export function territorySetKey(set: TerritorySet): string {
  return Array.from(set.words, (w) => w.toString(36)).join('.');
}

/** The TIS codes of the countries in the set, ascending. */
export function countriesOf(set: TerritorySet): number[] {
  const codes: number[] = [];
  for (let bit = 0; bit < set.table.countryCodes.length; bit++) {
    if ((set.words[bit >>> 5] >>> (bit & 31)) & 1) codes.push(set.table.countryCodes[bit]);
  }
  return codes;
}

/** How many countries the set holds. */
export function territoryCount(set: TerritorySet): number {
  let count = 0;
  for (let word of set.words) {
    while (word !== 0) {
      word &= word - 1;
      count++;
    }
  }
  return count;
}
