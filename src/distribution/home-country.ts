import { normalizeSocietyCode, type SocietyTable, type TerritoryTable } from '../lookups/index.js';

/** The TIS country of the CMO's own society (the society table names it, the territory table codes it); null when unknown. */
export function homeCountry(societies: SocietyTable, territories: TerritoryTable, societyCode: string | null): number | null {
  const country = societyCode ? societies.get(normalizeSocietyCode(societyCode))?.country.toUpperCase() : undefined;
  if (!country) return null;
  return territories.countryCodes.find((tis) => territories.names.get(tis)?.toUpperCase() === country) ?? null;
}
