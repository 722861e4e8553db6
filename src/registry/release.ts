/** One track of a release. */
export interface ReleaseTrack {
  readonly recordingId: string;
  readonly discNumber?: number;
  readonly trackNumber: number;
}

/** A release (album, single) with its ICPN (EAN/UPC) and track list. */
export interface Release {
  readonly id: string;
  readonly icpn?: string;
  readonly title: string;
  readonly label?: string;
  readonly tracks: readonly ReleaseTrack[];
}
