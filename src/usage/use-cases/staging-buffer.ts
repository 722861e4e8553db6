import type { Kysely } from 'kysely';
import { inTransaction, type ClefDatabase, type Engine } from '../../store/index.js';
import { setStagedLines, stagedTables } from '../../store/usage/staging-queries.js';
import type { StagedBatch } from '../usage-stager.js';

/** Collects staged batches of one staging report and commits them through the engine's bulk path once enough rows are held. */
export interface StagingBuffer {
  /**
   * Holds a batch; `lines` is how far the file has been read, `resumeLine` a line every row before which has been
   * given to the buffer (what a resume may keep if this commits).
   */
  add(batch: StagedBatch, lines: number, resumeLine: number): Promise<void>;
  /** Commits what is held. */
  flush(lines: number, resumeLine: number): Promise<void>;
}

/** Where a buffer's report stands. */
export interface StagingBufferOptions {
  /** Hears the lines each commit made durable. */
  readonly onCommit?: (lines: number) => void | Promise<void>;
  /** Rows of a line before this one are already committed (a resumed report): they are not written again. */
  readonly fromLine?: number;
  readonly flushRows?: number;
}

const keys = ['summaries', 'resources', 'works', 'releases', 'lines', 'licensors'] as const;

/**
 * Creates the buffer of one staging report. Every flush is its own committed transaction, so the engine holds no
 * more than one chunk uncommitted whatever the file's size (DuckDB keeps a transaction's appended rows in memory
 * until commit); the report stays `staging`, invisible, until the file is accepted. Each bulk write has a fixed
 * cost (an appender opened, flushed and closed per table on the embedded engine), so rows are written in batches
 * of about `flushRows` rather than per chunk read. Each commit records its resume line with the rows it makes
 * durable, never one below the line the report was resumed from.
 */
export function createStagingBuffer(db: Kysely<ClefDatabase>, engine: Engine, reportId: bigint, options: StagingBufferOptions = {}): StagingBuffer {
  const fromLine = options.fromLine ?? 1;
  const flushRows = options.flushRows ?? 50_000;
  let held: { [K in (typeof keys)[number]]: StagedBatch[K][number][] } = { summaries: [], resources: [], works: [], releases: [], lines: [], licensors: [] };
  let count = 0;
  const flush = async (lines: number, resumeLine: number): Promise<void> => {
    const writing = held;
    held = { summaries: [], resources: [], works: [], releases: [], lines: [], licensors: [] };
    count = 0;
    await inTransaction(db, async (tx) => {
      for (let i = 0; i < stagedTables.length; i++) await engine.bulkInsert(tx, stagedTables[i], writing[keys[i]]);
      await setStagedLines(tx, reportId, lines, Math.max(fromLine, resumeLine));
    });
    await options.onCommit?.(lines);
  };
  return {
    async add(batch, lines, resumeLine) {
      for (const key of keys) {
        const into = held[key] as { line: number }[];
        for (const row of batch[key] as { line: number }[]) {
          if (row.line < fromLine) continue;
          into.push(row);
          count++;
        }
      }
      if (count >= flushRows) await flush(lines, resumeLine);
    },
    flush,
  };
}
