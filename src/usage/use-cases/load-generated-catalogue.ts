import { artistKey, nameKey, titleKey } from '../../registry/match-key.js';
import { inTransaction, type ClefDatabase, type Store } from '../../store/index.js';
import { syntheticRecording } from '../generate-usage/synthetic-recording.js';

/** Which generated catalogue to load: the same seed and size `generateUsage` was given. */
export interface LoadGeneratedCatalogueOptions {
  readonly recordings: number;
  readonly seed?: number;
  /** Called now and then with the recordings loaded so far. */
  readonly onProgress?: (loaded: number) => void;
}

const batchSize = 20_000;

/**
 * Loads the generator's catalogue (works with ISWCs and creators, recordings with ISRCs, their links) straight into
 * the registry tables through the bulk path, for tests and benchmarks of usage matching at catalogue sizes where
 * registering through the share rules would dominate. It writes what `clef works import` of the generated CWR files
 * would, minus parties and shares; ids are `GW`/`GR` + the recording's index. Test data only.
 */
export async function loadGeneratedCatalogue(store: Store, options: LoadGeneratedCatalogueOptions): Promise<void> {
  const seed = options.seed ?? 1;
  const writerPool = Math.max(10, Math.ceil(options.recordings / 4));
  const now = '2025-01-01T00:00:00.000Z';
  await inTransaction(store.db, async (tx) => {
    for (let from = 0; from < options.recordings; from += batchSize) {
      const works: ClefDatabase['works'][] = [];
      const iswcs: ClefDatabase['work_iswcs'][] = [];
      const recordings: ClefDatabase['recordings'][] = [];
      const links: ClefDatabase['recording_works'][] = [];
      for (let i = from; i < Math.min(from + batchSize, options.recordings); i++) {
        const r = syntheticRecording(seed, i, writerPool);
        const workId = `GW${String(i).padStart(8, '0')}`;
        const recordingId = `GR${String(i).padStart(8, '0')}`;
        works.push({
          work_id: workId, iswc: r.iswc, title: r.title, title_key: titleKey(r.title),
          creator_key: r.writers.map((w) => nameKey(`${w.firstName} ${w.lastName}`)).sort().join(';'),
          language: null, duration_s: r.seconds, version_type: 'ORI', original_work_id: null, original_title: null,
          ai_composition: 'human', ai_lyrics: 'human', ai_arrangement: 'human', ai_tools: '[]', human_contribution: null, ai_evidence: '[]',
          fully_ai_generated: false, in_dispute: false, extra: '{}', created_at: now, updated_at: now,
        });
        iswcs.push({ iswc: r.iswc, work_id: workId, preferred: true });
        recordings.push({
          recording_id: recordingId, isrc: r.isrc, title: r.title, version_title: null, display_artist: r.artist, duration_s: r.seconds, label: null,
          title_key: titleKey(r.title), artist_key: artistKey(r.artist), ai_vocals: 'human', ai_instrumentation: 'human', ai_production: 'human',
          ai_tools: '[]', human_contribution: null, ai_evidence: '[]', extra: '{}', created_at: now,
        });
        links.push({ recording_id: recordingId, work_id: workId });
      }
      await store.engine.bulkInsert(tx, 'works', works);
      await store.engine.bulkInsert(tx, 'work_iswcs', iswcs);
      await store.engine.bulkInsert(tx, 'recordings', recordings);
      await store.engine.bulkInsert(tx, 'recording_works', links);
      options.onProgress?.(Math.min(from + batchSize, options.recordings));
    }
  });
}
