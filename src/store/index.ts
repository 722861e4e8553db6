export { openStore, storeOptionsFrom, type Store, type OpenStoreOptions } from './open-store.js';
export { defaultStoreLocation, isPostgresLocation } from './store-location.js';
export { diskFullError, lostConnectionError, outOfMemoryError, printableStoreLocation } from './store-open-errors.js';
export type { Engine, EngineName } from './engine.js';
export type * from './schema.js';
export { nextIds, nextSequence } from './next-ids.js';
export { appendHistory, readHistory, type HistoryEntry } from './history-queries.js';
export { readSettingsRows, writeSettingsRows } from './registry/settings-queries.js';
export { inTransaction } from './in-transaction.js';
