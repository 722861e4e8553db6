import type { AudioMatch } from './identify-peaks.js';

/** A match as Clef reports it in JSON (snake_case, seconds rounded to milliseconds). */
export interface MatchReport {
  readonly recording_id: string | null;
  readonly isrc: string | null;
  readonly title: string | null;
  readonly score: number;
  readonly query_offset_s: number;
  readonly reference_offset_s: number;
  readonly matched_s: number;
  readonly time_factor: number;
  readonly frequency_factor: number;
}

const round = (value: number, digits: number) => Math.round(value * 10 ** digits) / 10 ** digits;

/** The JSON form of a match. */
export function toMatchReport(match: AudioMatch): MatchReport {
  return {
    recording_id: match.recording.recordingId ?? null,
    isrc: match.recording.isrc ?? null,
    title: match.recording.title ?? null,
    score: match.score,
    query_offset_s: round(match.queryOffsetS, 3),
    reference_offset_s: round(match.referenceOffsetS, 3),
    matched_s: round(match.matchedS, 3),
    time_factor: round(match.timeFactor, 4),
    frequency_factor: round(match.frequencyFactor, 4),
  };
}
