import type { Recording } from './recording.js';

/** The REC fields a recording is built from, as text, named as CWR names them (2.1 has no title, artist or record label). */
export interface CwrRecFields {
  readonly isrc?: string;
  /** `First Release Duration` (2.1) or `Release Duration` (2.2): `hhmmss`. */
  readonly releaseDuration?: string;
  /** `First Album Label` (2.1) or `Album Label` (2.2). */
  readonly albumLabel?: string;
  /** CWR 2.2 onwards. */
  readonly recordingTitle?: string;
  readonly versionTitle?: string;
  readonly displayArtist?: string;
  readonly recordLabel?: string;
}

/** A PER record's performing artist. */
export interface CwrPerFields {
  readonly performingArtistLastName: string;
  readonly performingArtistFirstName?: string;
}

/** What a REC record belongs to: the recording's new id, the work and the work's PER performers in file order. */
export interface RecContext {
  readonly recordingId: string;
  readonly workId: string;
  readonly workTitle: string;
  readonly performers: readonly CwrPerFields[];
}

/**
 * Builds a recording from a CWR REC record. A CWR 2.1 REC has no recording title or artist: the recording then takes
 * the work's title and its first PER performer; a 2.2 REC's own title, artist and record label win when present.
 */
export function recordingFromRec(rec: CwrRecFields, context: RecContext): Recording {
  const first = context.performers[0];
  const performer = first ? [first.performingArtistFirstName?.trim(), first.performingArtistLastName.trim()].filter(Boolean).join(' ') : undefined;
  return {
    id: context.recordingId,
    isrc: present(rec.isrc),
    title: present(rec.recordingTitle) ?? context.workTitle,
    versionTitle: present(rec.versionTitle),
    displayArtist: present(rec.displayArtist) ?? present(performer),
    durationSeconds: durationSeconds(rec.releaseDuration),
    label: present(rec.recordLabel) ?? present(rec.albumLabel),
    workIds: [context.workId],
  };
}

function present(text: string | undefined): string | undefined {
  const trimmed = text?.trim();
  return trimmed ? trimmed : undefined;
}

/** `hhmmss` → seconds; absent for blank or all-zero durations. */
function durationSeconds(hhmmss: string | undefined): number | undefined {
  const text = hhmmss?.trim();
  if (!text || !/^\d{6}$/.test(text)) return undefined;
  const seconds = Number(text.slice(0, 2)) * 3600 + Number(text.slice(2, 4)) * 60 + Number(text.slice(4, 6));
  return seconds > 0 ? seconds : undefined;
}
