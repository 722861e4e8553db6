/** The distribution part's tables: licences, fx rates, runs, pools, ledger, statements, claims. */
export interface DistributionTables {}
