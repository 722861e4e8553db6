import type { AiTables } from './schema/ai.js';
import type { AccessTables } from './schema/access-tables.js';
import type { CwrTables } from './schema/cwr-tables.js';
import type { DistributionTables } from './schema/distribution-tables.js';
import type { RegistryTables } from './schema/registry-tables.js';
import type { RegistryStagingTables } from './schema/registry-staging-tables.js';
import type { UsageTables } from './schema/usage-tables.js';

export type * from './schema/registry-tables.js';
export type * from './schema/usage-tables.js';
export type * from './schema/distribution-tables.js';
export type * from './schema/cwr-tables.js';
export type * from './schema/ai.js';
export type * from './schema/access-tables.js';
export type * from './schema/registry-staging-tables.js';

/**
 * The store's tables as Kysely sees them: every query is typed against this one interface, assembled from one
 * file per part. Shares are integer basis points (10000 = 100 %); money is BIGINT micro-units (bigint); dates are
 * ISO `YYYY-MM-DD` text and instants ISO-8601 UTC text, so both engines return the same values.
 */
export interface ClefDatabase extends RegistryTables, RegistryStagingTables, UsageTables, DistributionTables, CwrTables, AiTables, AccessTables {}
