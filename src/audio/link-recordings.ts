import type { AudioIndex } from './audio-index.js';
import type { RecordingCatalogue } from './recording-catalogue.js';

/**
 * Links indexed recordings that carry only an ISRC to the registered recording with that ISRC, when exactly
 * one is registered (an ISRC shared by several registrations stays unlinked rather than guessed). Returns how
 * many were linked.
 */
export async function linkRecordings(index: AudioIndex, catalogue: RecordingCatalogue): Promise<number> {
  let linked = 0;
  for (const recording of index.recordings) {
    if (recording.recordingId || !recording.isrc) continue;
    const found = await catalogue.findByIsrc(recording.isrc);
    if (found.length !== 1) continue;
    recording.recordingId = found[0].recordingId;
    recording.title = found[0].title;
    linked++;
  }
  return linked;
}
