/** A registered recording as the audio part needs it. */
export interface CatalogueRecording {
  readonly recordingId: string;
  readonly isrc?: string;
  readonly title: string;
}

/**
 * The registry as audio identification sees it: the link between indexed audio (keyed by ISRC until then)
 * and registered recordings. The registry part implements it; without one, matches carry the ISRC alone.
 */
export interface RecordingCatalogue {
  findByIsrc(isrc: string): Promise<CatalogueRecording[]>;
  findById(recordingId: string): Promise<CatalogueRecording | undefined>;
}
