export { openStore, defaultStoreLocation, isPostgresLocation, type Store } from './open-store.js';
export type { Engine, EngineName } from './engine.js';
export type * from './schema.js';
export { nextIds } from './next-ids.js';
export { inTransaction } from './in-transaction.js';
