/** The usage part's tables: DSPs, DSR reports and their staged rows, matches. */
export interface UsageTables {}
