import type { AiProvenance, RecordingAiFacets } from './ai-provenance.js';

/** A sound recording; an ISRC can be shared by several recordings. */
export interface Recording {
  readonly id: string;
  readonly isrc?: string;
  readonly title: string;
  readonly versionTitle?: string;
  readonly displayArtist?: string;
  readonly durationSeconds?: number;
  readonly label?: string;
  readonly workIds: readonly string[];
  readonly aiProvenance?: AiProvenance<RecordingAiFacets>;
}
