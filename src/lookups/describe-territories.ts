import { countriesOf, covers, subtractTerritories, territoryCount, worldSet, type TerritorySet } from './territory-set.js';
import { worldTis } from './territory.js';

/** A short description of a set for messages: `WORLD`, `WORLD except FRANCE`, or up to `limit` country names. */
export function describeTerritories(set: TerritorySet, limit = 5): string {
  const name = (tis: number): string => set.table.names.get(tis) ?? String(tis);
  if (covers(set, worldTis)) return name(worldTis);
  const absent = countriesOf(subtractTerritories(worldSet(set.table), set));
  if (absent.length <= limit && territoryCount(set) > absent.length) return `${name(worldTis)} except ${absent.map(name).join(', ')}`;
  const codes = countriesOf(set);
  const shown = codes.slice(0, limit).map(name).join(', ');
  return codes.length > limit ? `${shown} and ${codes.length - limit} more` : shown || 'no territory';
}
