import { findRecordings } from '../../registry/use-cases/find-recording.js';
import type { Store } from '../../store/index.js';
import type { RecordingCatalogue } from '../recording-catalogue.js';

/** The registry as audio identification sees it: registered recordings by ISRC or id. */
export function registryRecordingCatalogue(store: Store): RecordingCatalogue {
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
