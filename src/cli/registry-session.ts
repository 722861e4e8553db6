import type { Command } from 'commander';
import { currentIo } from './cli-io.js';
import type { RegistryContext } from '../registry/use-cases/registry-context.js';

/** The options every store command takes. */
export interface StoreOptions {
  readonly db?: string;
  readonly as?: string;
}

/** Adds `--db` and `--as` to a command. */
export function withStoreOptions(command: Command): Command {
  return command
    .option('--db <location>', 'the store: a DuckDB file path or a postgres:// URL (default ./clef.duckdb or CLEF_DB)')
    .option('--as <name>', 'who makes the change, recorded in the history', currentIo().env.USER || 'clef');
}

/** Opens the store the options name (creating it when there is none), runs `work` with a registry context, and closes the store. */
export async function withRegistry<T>(options: StoreOptions, work: (context: RegistryContext) => Promise<T>): Promise<T> {
  return runWithRegistry(options, work, false);
}

/** Like withRegistry for a command that only reads: where there is no store it says so instead of creating one. */
export async function readRegistry<T>(options: StoreOptions, work: (context: RegistryContext) => Promise<T>): Promise<T> {
  return runWithRegistry(options, work, true);
}

async function runWithRegistry<T>(options: StoreOptions, work: (context: RegistryContext) => Promise<T>, mustExist: boolean): Promise<T> {
  const [{ defaultStoreLocation, openStore, storeOptionsFrom }, { loadLookups }] = await Promise.all([import('../store/index.js'), import('../lookups/index.js')]);
  const store = await openStore(options.db ?? defaultStoreLocation(currentIo().env), { ...storeOptionsFrom(currentIo().env), mustExist });
  try {
    return await work({ store, actor: options.as ?? 'clef', clock: () => new Date().toISOString(), lookups: loadLookups() });
  } finally {
    await store.close();
  }
}
