import type { CodeTable } from './code-table.js';
import type { SocietyTable } from './society-table.js';
import type { TerritoryTable } from './territory-table.js';

/** The CWR code lists, named as the lookups hold them; each is read from `data/lookups/cwr-<name in kebab case>.csv`. */
export type CwrCodeList =
  | 'writerDesignations'
  | 'publisherTypes'
  | 'titleTypes'
  | 'versionTypes'
  | 'distributionCategories'
  | 'transactionStatuses'
  | 'messageTypes';

/** The reference tables the registry's rules and the CWR validator take: societies, TIS territories and the CWR code lists. */
export interface Lookups extends Readonly<Record<CwrCodeList, CodeTable>> {
  readonly societies: SocietyTable;
  readonly territories: TerritoryTable;
}
