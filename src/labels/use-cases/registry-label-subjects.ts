import { findRecordings } from '../../registry/use-cases/find-recording.js';
import type { Store } from '../../store/index.js';
import type { LabelSubjectSource } from '../label-subject-source.js';

/** The registry as labels see it: recordings by id or ISRC with their derived digital source type. */
export function registryLabelSubjects(store: Store): LabelSubjectSource {
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
