import type { Kysely } from 'kysely';
import type { ClefDatabase, Engine } from '../../store/index.js';
import type { StagedBatch } from '../usage-stager.js';

/** Writes one staged batch through the engine's bulk path, inside the ingestion's transaction. */
export async function stageBatch(db: Kysely<ClefDatabase>, engine: Engine, batch: StagedBatch): Promise<void> {
  await engine.bulkInsert(db, 'usage_summaries', batch.summaries);
  await engine.bulkInsert(db, 'usage_resources', batch.resources);
  await engine.bulkInsert(db, 'usage_works', batch.works);
  await engine.bulkInsert(db, 'usage_releases', batch.releases);
  await engine.bulkInsert(db, 'usage_lines', batch.lines);
  await engine.bulkInsert(db, 'usage_licensors', batch.licensors);
}
