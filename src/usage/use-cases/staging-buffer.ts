import type { Kysely } from 'kysely';
import type { ClefDatabase, Engine } from '../../store/index.js';
import type { StagedBatch } from '../usage-stager.js';

/** Collects staged batches and writes them through the engine's bulk path once enough rows are held. */
export interface StagingBuffer {
  add(batch: StagedBatch): Promise<void>;
  /** Writes what is held. */
  flush(): Promise<void>;
}

const tables = ['usage_summaries', 'usage_resources', 'usage_works', 'usage_releases', 'usage_lines', 'usage_licensors'] as const;
const keys = ['summaries', 'resources', 'works', 'releases', 'lines', 'licensors'] as const;

/**
 * Creates the buffer of one ingestion, inside its transaction. Each bulk write has a fixed cost (an appender opened,
 * flushed and closed per table on the embedded engine), so rows are written in batches of about `flushRows`
 * rather than per chunk read: fewer, larger writes, and memory still bounded whatever the file's size.
 */
export function createStagingBuffer(db: Kysely<ClefDatabase>, engine: Engine, flushRows = 50_000): StagingBuffer {
  let held: { [K in (typeof keys)[number]]: StagedBatch[K][number][] } = { summaries: [], resources: [], works: [], releases: [], lines: [], licensors: [] };
  let count = 0;
  const flush = async (): Promise<void> => {
    const writing = held;
    held = { summaries: [], resources: [], works: [], releases: [], lines: [], licensors: [] };
    count = 0;
    for (let i = 0; i < tables.length; i++) await engine.bulkInsert(db, tables[i], writing[keys[i]]);
  };
  return {
    async add(batch) {
      for (const key of keys) {
        const rows = batch[key] as unknown[];
        const into = held[key] as unknown[];
        for (const row of rows) into.push(row);
        count += rows.length;
      }
      if (count >= flushRows) await flush();
    },
    flush,
  };
}
