import { loadAudioIndex } from './audio-index-store.js';
import { identifyEachFile, type AudioIdentification, type IdentifyAudioRequest } from './identify-audio.js';
import { linkRecordings } from './link-recordings.js';
import { listAudioFiles } from './list-audio-files.js';

/** One registered recording found in a scanned set: in how many files and for how long in total. */
export interface ScanSummaryRow {
  readonly recording_id: string | null;
  readonly isrc: string | null;
  readonly title: string | null;
  readonly files: number;
  readonly matched_s: number;
}

/** A dataset scan: every file with its matches, and the registered recordings the set contains. */
export interface AudioScan {
  readonly files: readonly AudioIdentification[];
  readonly summary: {
    readonly files_scanned: number;
    readonly files_with_matches: number;
    readonly files_failed: number;
    readonly recordings: readonly ScanSummaryRow[];
  };
}

/**
 * Scans every audio file under a folder (a training-set audit) on every core and summarizes the registered
 * recordings found; files are reported in folder order whichever thread read them.
 */
export async function scanAudio(dir: string, request: IdentifyAudioRequest & { onProgress?: (done: number, total: number) => void }): Promise<AudioScan> {
  const index = await loadAudioIndex(request.indexDir);
  if (request.catalogue) await linkRecordings(index, request.catalogue);
  const files = await listAudioFiles(dir);
  request.onProgress?.(0, files.length);
  const results = await identifyEachFile(files, index, { ...request, exhaustive: true }, request.onProgress);
  const rows = new Map<string, { row: ScanSummaryRow; files: Set<string> }>();
  for (const result of results) {
    for (const match of result.matches) {
      const key = match.recording_id ?? match.isrc ?? match.title ?? '';
      const entry = rows.get(key) ?? { row: { recording_id: match.recording_id, isrc: match.isrc, title: match.title, files: 0, matched_s: 0 }, files: new Set<string>() };
      entry.files.add(result.file);
      entry.row = { ...entry.row, files: entry.files.size, matched_s: Math.round((entry.row.matched_s + match.matched_s) * 1000) / 1000 };
      rows.set(key, entry);
    }
  }
  return {
    files: results,
    summary: {
      files_scanned: results.length,
      files_with_matches: results.filter((r) => r.matches.length > 0).length,
      files_failed: results.filter((r) => r.error).length,
      recordings: [...rows.values()].map((e) => e.row).sort((a, b) => b.matched_s - a.matched_s),
    },
  };
}
