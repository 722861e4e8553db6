import { basename, join } from 'node:path';
import { ClefError } from '../errors/clef-error.js';
import { writeOutputFile } from '../formats/output/index.js';
import type { AudioIndex, IndexedRecording } from './audio-index.js';
import { loadAudioIndex } from './audio-index-store.js';
import type { DecoderChoice } from './decode-audio-file.js';
import { renderEvidenceHtml } from './evidence-html.js';
import { fingerprintAudioFile } from './fingerprint-audio-file.js';
import { normalizeIsrc } from '../identifiers/index.js';
import { linkRecordings } from './link-recordings.js';
import { computeMatchEvidence, type MatchEvidence } from './match-evidence.js';
import type { RecordingCatalogue } from './recording-catalogue.js';

/** What an evidence report needs: the query, the recording (registry id or ISRC), where to write, the index. */
export interface AudioEvidenceRequest {
  readonly query: string;
  readonly recording: string;
  readonly outDir: string;
  readonly indexDir: string;
  readonly decoder?: DecoderChoice;
  readonly catalogue?: RecordingCatalogue;
}

/** Finds an indexed recording by registry id or ISRC; several recordings with one ISRC are ambiguous. */
export function findIndexedRecording(index: AudioIndex, idOrIsrc: string): IndexedRecording {
  const byId = index.recordings.filter((r) => r.recordingId === idOrIsrc);
  const isrc = normalizeIsrc(idOrIsrc);
  const found = byId.length > 0 ? byId : index.recordings.filter((r) => r.isrc === isrc);
  if (found.length === 0) throw new ClefError('CLEF_NOT_FOUND', `no indexed recording with id or ISRC ${idOrIsrc}`, { field: 'recording', value: idOrIsrc });
  if (found.length > 1) {
    throw new ClefError('CLEF_AMBIGUOUS', `${found.length} indexed recordings carry ${idOrIsrc}: ${found.map((r) => r.file).join(', ')}`, { field: 'recording', value: idOrIsrc });
  }
  return found[0];
}

/** Computes the evidence for one query against one recording and writes `evidence.json` and `evidence.html` to the folder. */
export async function writeAudioEvidence(request: AudioEvidenceRequest, now: () => Date): Promise<{ evidence: MatchEvidence; json: string; html: string }> {
  const index = await loadAudioIndex(request.indexDir);
  if (request.catalogue) await linkRecordings(index, request.catalogue);
  const recording = findIndexedRecording(index, request.recording);
  const fingerprint = await fingerprintAudioFile(request.query, index.params, request.decoder);
  const evidence = computeMatchEvidence(fingerprint.peaks, fingerprint.frameCount, index, recording);
  const json = join(request.outDir, 'evidence.json');
  const html = join(request.outDir, 'evidence.html');
  writeOutputFile(json, `${JSON.stringify({ query: request.query, generated_at: now().toISOString(), ...evidence }, null, 2)}\n`);
  writeOutputFile(html, renderEvidenceHtml(evidence, basename(request.query), now().toISOString()));
  return { evidence, json, html };
}
