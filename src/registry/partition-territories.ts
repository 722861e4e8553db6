import { intersectTerritories, isEmptyTerritorySet, subtractTerritories, type TerritorySet } from '../lookups/index.js';

/** A region where the same entries apply: the countries and the entries covering all of them. */
export interface TerritoryCell<T> {
  readonly territories: TerritorySet;
  readonly entries: readonly T[];
}

/**
 * Splits `universe` into disjoint regions such that every entry covers each region wholly or not at all.
 * Entries sharing one set object (a `TerritoryResolver` returns one per distinct chain) are grouped first,
 * so the cost grows with the distinct territory chains, not the entries.
 * Regions no entry covers come back with no entries.
 */
export function partitionTerritories<T>(
  universe: TerritorySet,
  entries: readonly T[],
  territoriesOf: (entry: T) => TerritorySet,
): TerritoryCell<T>[] {
  const groups = new Map<TerritorySet, { set: TerritorySet; entries: T[] }>();
  for (const entry of entries) {
    const set = territoriesOf(entry);
    const group = groups.get(set);
    if (group) group.entries.push(entry);
    else groups.set(set, { set, entries: [entry] });
  }
  let cells: { territories: TerritorySet; entries: T[] }[] = [{ territories: universe, entries: [] }];
  for (const group of groups.values()) {
    const next: typeof cells = [];
    for (const cell of cells) {
      if (cell.territories === group.set) {
        next.push({ territories: cell.territories, entries: [...cell.entries, ...group.entries] });
        continue;
      }
      const inside = intersectTerritories(cell.territories, group.set);
      if (isEmptyTerritorySet(inside)) {
        next.push(cell);
        continue;
      }
      next.push({ territories: inside, entries: [...cell.entries, ...group.entries] });
      const outside = subtractTerritories(cell.territories, group.set);
      if (!isEmptyTerritorySet(outside)) next.push({ territories: outside, entries: cell.entries });
    }
    cells = next;
  }
  return cells;
}
