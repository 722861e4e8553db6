import type { TrainingMiningReservation } from './training-mining.js';

/** A registered recording's AI provenance, as labeling needs it from the registry. */
export interface LabelSubjectRecording {
  readonly recordingId: string;
  readonly isrc?: string;
  readonly title?: string;
  readonly workId?: string;
  readonly workTitle?: string;
  /** The registry's derived IPTC digital source type (short name or URI). */
  readonly digitalSourceType: string;
  /** The recording's own reservation where one is recorded; else the CMO's default applies. */
  readonly trainingMiningReservation?: TrainingMiningReservation;
  /** The AI service that generated it and its content id, where the registry knows them. */
  readonly producer?: string;
  readonly contentId?: string;
}

/**
 * Where labels find a recording by Clef id or ISRC; the registry implements it. `'ambiguous'` means
 * the ISRC names several recordings, which labeling refuses.
 */
export interface LabelSubjectSource {
  findRecording(idOrIsrc: string): Promise<LabelSubjectRecording | 'ambiguous' | undefined>;
}
