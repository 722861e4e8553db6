import { countriesOf, covers, subtractTerritories, type TerritorySet, worldSet, worldTis } from '../../lookups/index.js';

/**
 * The shortest chain text (`I2136`, `I2136 E0250`, `I0276 I0040`) that stands for a set of countries,
 * the form the derived share picture is stored in.
 */
export function territorySetText(set: TerritorySet): string {
  if (covers(set, worldTis)) return 'I2136';
  const present = countriesOf(set);
  const absent = countriesOf(subtractTerritories(worldSet(set.table), set));
  const code = (tis: number) => String(tis).padStart(4, '0');
  return absent.length < present.length
    ? ['I2136', ...absent.map((tis) => `E${code(tis)}`)].join(' ')
    : present.map((tis) => `I${code(tis)}`).join(' ');
}
