import type { Store } from '../store/index.js';
import { atRunEnd, currentIo } from './cli-io.js';

/** Opens the store for a command that only reads the registry; there must be one, and it closes when the run ends. */
export async function openRegistryForReading(db: string | undefined): Promise<Store> {
  const { defaultStoreLocation, openStore, storeOptionsFrom } = await import('../store/index.js');
  const store = await openStore(db ?? defaultStoreLocation(currentIo().env), { ...storeOptionsFrom(currentIo().env), mustExist: true });
  atRunEnd(() => store.close());
  return store;
}
