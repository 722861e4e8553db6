import type { Kysely } from 'kysely';
import { inTransaction, type ClefDatabase, type Engine } from '../../store/index.js';
import { setStagedLines, stagedTables } from '../../store/usage/staging-queries.js';
import type { StagedBatch } from '../usage-stager.js';

/** Collects staged batches of one staging report and commits them through the engine's bulk path once enough rows are held. */
export interface StagingBuffer {
  /** Holds a batch; `lines` is how far the file has been read. */
  add(batch: StagedBatch, lines: number): Promise<void>;
  /** Commits what is held. */
  flush(lines: number): Promise<void>;
}

const keys = ['summaries', 'resources', 'works', 'releases', 'lines', 'licensors'] as const;

/**
 * Creates the buffer of one staging report. Every flush is its own committed transaction, so the engine holds no
 * more than one chunk uncommitted whatever the file's size (DuckDB keeps a transaction's appended rows in memory
 * until commit); the report stays `staging`, invisible, until the file is accepted. Each bulk write has a fixed
 * cost (an appender opened, flushed and closed per table on the embedded engine), so rows are written in batches
 * of about `flushRows` rather than per chunk read. `onCommit` hears the lines each commit made durable.
 */
export function createStagingBuffer(db: Kysely<ClefDatabase>, engine: Engine, reportId: bigint, onCommit?: (lines: number) => void | Promise<void>, flushRows = 50_000): StagingBuffer {
  let held: { [K in (typeof keys)[number]]: StagedBatch[K][number][] } = { summaries: [], resources: [], works: [], releases: [], lines: [], licensors: [] };
  let count = 0;
  const flush = async (lines: number): Promise<void> => {
    const writing = held;
    held = { summaries: [], resources: [], works: [], releases: [], lines: [], licensors: [] };
    count = 0;
    await inTransaction(db, async (tx) => {
      for (let i = 0; i < stagedTables.length; i++) await engine.bulkInsert(tx, stagedTables[i], writing[keys[i]]);
      await setStagedLines(tx, reportId, lines);
    });
    await onCommit?.(lines);
  };
  return {
    async add(batch, lines) {
      for (const key of keys) {
        const rows = batch[key] as unknown[];
        const into = held[key] as unknown[];
        for (const row of rows) into.push(row);
        count += rows.length;
      }
      if (count >= flushRows) await flush(lines);
    },
    flush,
  };
}
