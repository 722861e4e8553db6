import type { RecordingCatalogue } from '../audio/index.js';
import type { LabelSubjectSource } from '../labels/index.js';
import { findRecordings } from '../registry/use-cases/find-recording.js';
import { defaultStoreLocation, openStore, type Store } from '../store/index.js';

/** The registry as labels see it: recordings by id or ISRC with their derived digital source type. */
export function labelSubjectSource(store: Store): LabelSubjectSource {
  return {
    async findRecording(idOrIsrc) {
      const found = await findRecordings({ store }, idOrIsrc);
      if (found.length > 1) return 'ambiguous';
      const [recording] = found;
      if (!recording) return undefined;
      return {
        recordingId: recording.recordingId,
        isrc: recording.isrc,
        title: recording.title,
        workId: recording.workId,
        workTitle: recording.workTitle,
        digitalSourceType: recording.aiContentTypes.iptcDigitalSourceType,
        producer: recording.producer,
        contentId: recording.contentId,
      };
    },
  };
}

/** The registry as audio identification sees it. */
export function recordingCatalogue(store: Store): RecordingCatalogue {
  return {
    async findByIsrc(isrc) {
      return (await findRecordings({ store }, isrc)).filter((r) => r.isrc === isrc).map((r) => ({ recordingId: r.recordingId, isrc: r.isrc, title: r.title }));
    },
    async findById(recordingId) {
      const found = (await findRecordings({ store }, recordingId)).find((r) => r.recordingId === recordingId);
      return found && { recordingId: found.recordingId, isrc: found.isrc, title: found.title };
    },
  };
}

/** Opens the store for a command that only reads the registry; the store closes when the process ends. */
export async function openRegistryForReading(db: string | undefined): Promise<Store> {
  const store = await openStore(db ?? defaultStoreLocation());
  process.once('beforeExit', () => void store.close());
  return store;
}
