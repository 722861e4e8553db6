import { defaultStoreLocation, openStore, type Store } from '../store/index.js';
import { atRunEnd, currentIo } from './cli-io.js';

/** Opens the store for a command that only reads the registry; the store closes when the process ends. */
export async function openRegistryForReading(db: string | undefined): Promise<Store> {
  const store = await openStore(db ?? defaultStoreLocation(currentIo().env));
  atRunEnd(() => store.close());
  return store;
}
