import type { CwrTerritories } from './cwr-territories.js';

/** The CWR code lists the validator checks fields against, named after their files `data/lookups/cwr-<name>.csv`. */
export type CwrCodeList =
  | 'writer-designations'
  | 'publisher-types'
  | 'title-types'
  | 'version-types'
  | 'distribution-categories'
  | 'transaction-statuses'
  | 'message-types';

/** The reference tables CWR validation needs: code lists, CISAC society codes and TIS territories. */
export interface CwrLookups {
  readonly codes: Readonly<Record<CwrCodeList, ReadonlySet<string>>>;
  /** CISAC society codes as numbers (`52` for PRS, written `052` in CWR 2.x). */
  readonly societies: ReadonlySet<number>;
  readonly territories: CwrTerritories;
}
