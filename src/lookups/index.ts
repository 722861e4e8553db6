export { buildCodeTable, type CodeTable } from './code-table.js';
export { buildSocietyTable, normalizeSocietyCode, type Society, type SocietyTable } from './society-table.js';
export { worldTis, worldChain, type TerritoryStep, type TerritoryChain } from './territory.js';
export { buildTerritoryTable, currentTisDate, type TerritoryTable } from './territory-table.js';
export {
  resolveTerritories, unknownTerritories, worldSet, covers, intersectTerritories, unionTerritories, subtractTerritories,
  isEmptyTerritorySet, territorySetKey, countriesOf, territoryCount, type TerritorySet,
} from './territory-set.js';
export { createTerritoryResolver, type TerritoryResolver } from './territory-resolver.js';
export { describeTerritories } from './describe-territories.js';
export type { Lookups, CwrCodeList } from './lookups.js';
export { loadLookups, loadSocietyTable, defaultLookupsDir } from './load-lookups.js';
