import type { CodeTable } from './code-table.js';
import type { SocietyTable } from './society-table.js';
import type { TerritoryTable } from './territory-table.js';

/** The reference tables the registry's rules take: societies, TIS territories and the CWR code lists. */
export interface Lookups {
  readonly societies: SocietyTable;
  readonly territories: TerritoryTable;
  readonly writerDesignations: CodeTable;
  readonly publisherTypes: CodeTable;
  readonly titleTypes: CodeTable;
  readonly versionTypes: CodeTable;
  readonly transactionStatuses: CodeTable;
  readonly messageTypes: CodeTable;
}
