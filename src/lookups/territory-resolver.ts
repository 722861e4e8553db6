import type { TerritoryChain } from './territory.js';
import { resolveTerritories, type TerritorySet } from './territory-set.js';
import type { TerritoryTable } from './territory-table.js';

/** Resolves territory chains to sets, remembering each distinct chain (works share a handful of chains). */
export type TerritoryResolver = (chain: TerritoryChain) => TerritorySet;

/** A resolver over one territory table that resolves each distinct chain once. */
export function createTerritoryResolver(table: TerritoryTable): TerritoryResolver {
  const cache = new Map<string, TerritorySet>();
  return (chain) => {
    let key = '';
    for (const step of chain) key += step.inclusion + step.tis;
    let set = cache.get(key);
    if (!set) cache.set(key, (set = resolveTerritories(table, chain)));
    return set;
  };
}
