import { randomUUID } from 'node:crypto';
import type { Kysely } from 'kysely';
import { ClefError } from '../../errors/index.js';
import { inTransaction, type ClefDatabase, type Engine } from '../../store/index.js';
import { acceptStagedImport, findRegistryImports, insertRegistryImport, readIdCounters, recordStagedChunk, removeStagedImport } from '../../store/registry/import-staging-queries.js';
import { stagedEngine, stagedImport } from '../../store/registry/staged-import.js';
import type { RegistryContext } from './registry-context.js';

/** The lock a works import holds for as long as it lives: one import stages at a time, and a survivor tells a live one from a dead one. */
export const registryImportLock = 'registry-import';

/** What an import that stopped mid-file had left staged, once removed. */
export interface DiscardedWorksImport {
  readonly file: string;
  readonly startedAt: string;
  readonly chunks: number;
  readonly stagedRegistrations: number;
}

/** A works import being staged in committed chunks, invisible until accepted (docs/registry.md). */
export interface WorksImportStaging {
  /**
   * Runs `work` in a transaction of its own over the staged view of the store, with a context whose bulk writes go to
   * the staging, and commits it: what it wrote stays invisible to every registry reader.
   */
  chunk<T>(work: (db: Kysely<ClefDatabase>, context: RegistryContext) => Promise<T>): Promise<T>;
  /** How many registrations the chunks committed so far hold (for the notices and what a discard reports). */
  stagedRegistrations: number;
  /** Makes everything staged part of the registry in one transaction. */
  accept(): Promise<void>;
}

/** How a staged import reports. */
export interface StagingOptions {
  /** Called after each committed chunk with the registrations staged so far. */
  readonly onStaged?: (works: number) => void;
  /** Called with what imports that died mid-file had left, once removed at the start. */
  readonly onDiscarded?: (discarded: readonly DiscardedWorksImport[]) => void;
}

// The lookups of later chunks read these twins: PostgreSQL plans them from statistics taken as they grow.
const looked = ['staged_registrations', 'staged_works', 'staged_work_iswcs', 'staged_parties', 'staged_party_ipi_names', 'staged_recordings', 'staged_work_search_keys', 'staged_search_terms', 'staged_counterclaims'] as const;

const discardedOf = (row: Awaited<ReturnType<typeof findRegistryImports>>[number]): DiscardedWorksImport => ({ file: row.file_name, startedAt: row.started_at, chunks: row.chunks, stagedRegistrations: Number(row.registrations) });

/**
 * Stages a works import of `file`: removes what imports that died left, records the import, runs `work` with the
 * staging, and removes whatever was staged unless `work` accepted it (a refused file, an error). Holds the import lock
 * throughout, so another import waits.
 */
export async function stageWorksImport<T>(context: RegistryContext, file: string, options: StagingOptions, work: (staging: WorksImportStaging) => Promise<T>): Promise<T> {
  const { db, engine } = context.store;
  return engine.holdLock(db, registryImportLock, async () => {
    // Under the lock no other import is staging: any import recorded is one whose process died.
    const left = await findRegistryImports(db);
    for (const row of left) await inTransaction(db, (tx) => removeStagedImport(tx, row));
    if (left.length > 0) options.onDiscarded?.(left.map(discardedOf));
    const importId = randomUUID();
    await inTransaction(db, async (tx) => {
      const counters = await readIdCounters(tx);
      await insertRegistryImport(tx, { import_id: importId, file_name: file, started_at: context.clock(), counters_at_start: counters, counters_committed: counters, chunks: 0, registrations: 0n });
    });
    const staged: RegistryContext = { ...context, store: { ...context.store, engine: stagedEngine(engine) } };
    let chunks = 0;
    let accepted = false;
    const staging: WorksImportStaging = {
      stagedRegistrations: 0,
      async chunk(run) {
        const result = await inTransaction(db, async (tx) => {
          const value = await run(stagedImport(tx), staged);
          await recordStagedChunk(tx, importId, staging.stagedRegistrations);
          return value;
        });
        chunks++;
        if ((chunks & (chunks - 1)) === 0) await engine.refreshStatistics(db, looked);
        options.onStaged?.(staging.stagedRegistrations);
        return result;
      },
      async accept() {
        await inTransaction(db, (tx) => acceptStagedImport(tx, importId));
        accepted = true;
      },
    };
    try {
      return await work(staging);
    } finally {
      // Left behind if even this fails (the store went away): removed by the next import.
      if (!accepted) await removeOwnStaging(db, importId).catch(() => {});
    }
  });
}

async function removeOwnStaging(db: Kysely<ClefDatabase>, importId: string): Promise<void> {
  const row = (await findRegistryImports(db)).find((found) => found.import_id === importId);
  if (row) await inTransaction(db, (tx) => removeStagedImport(tx, row));
}

/**
 * Removes what works imports that stopped mid-file left staged (`clef works import --discard`); an import whose
 * process is still at work (its lock held) is left alone.
 */
export async function discardWorksStaging(context: RegistryContext): Promise<DiscardedWorksImport[]> {
  const { db, engine } = context.store;
  const discarded: DiscardedWorksImport[] = [];
  for (const row of await findRegistryImports(db)) {
    const removed = await inTransaction(db, async (tx) => {
      if (!(await engine.tryTransactionLock(tx, registryImportLock))) return false;
      await removeStagedImport(tx, row);
      return true;
    });
    if (removed) discarded.push(discardedOf(row));
  }
  return discarded;
}

/**
 * Refuses a registry change while a works import is being staged: the import decides on what it read (which work a
 * registration joins, the share picture of every work it touches) and its acceptance would put back what it read
 * over the change. Called inside the change's transaction, which holds the import lock shared until it ends, so an
 * import starting meanwhile waits for it; changes do not wait for each other.
 */
export async function refuseDuringStagedImport(tx: Kysely<ClefDatabase>, engine: Engine): Promise<void> {
  if (await engine.tryTransactionLock(tx, registryImportLock, 'shared')) return;
  const staging = (await findRegistryImports(tx)).map((row) => `${row.file_name} (started ${row.started_at})`);
  throw new ClefError(
    'CLEF_REGISTRY_IMPORT_STAGING',
    `a works import${staging.length > 0 ? ` of ${staging.join(', ')}` : ''} is being staged on this store: registry changes wait until it is accepted or refused; nothing was changed, run the command again then`,
  );
}
