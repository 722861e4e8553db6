import { ClefError } from '../../errors/index.js';
import { parseIsrc } from '../../identifiers/index.js';
import { findRecordingsByIdOrIsrc } from '../../store/registry/recording-subject-queries.js';
import type { AiOrigin } from '../ai-provenance.js';
import { deriveAiContentTypes, type AiContentTypes } from '../derive-ai-content-types.js';
import type { RegistryContext } from './registry-context.js';

/** A registered recording with its first linked work and the AI content types derived from its provenance. */
export interface RegisteredRecording {
  readonly recordingId: string;
  readonly isrc?: string;
  readonly title: string;
  readonly displayArtist?: string;
  readonly workId?: string;
  readonly workTitle?: string;
  readonly aiContentTypes: AiContentTypes;
  /** What the registry knows of the generating AI service, when the recording was registered with it. */
  readonly producer?: string;
  readonly contentId?: string;
}

/**
 * Finds recordings by Clef recording id or ISRC. An ISRC can name several recordings: all are returned,
 * and callers that need one refuse with the candidates (see `requireOneRecording`).
 */
export async function findRecordings(context: Pick<RegistryContext, 'store'>, idOrIsrc: string): Promise<RegisteredRecording[]> {
  const isrc = parseIsrc(idOrIsrc);
  const rows = await findRecordingsByIdOrIsrc(context.store.db, isrc.ok ? isrc.value : idOrIsrc.trim());
  const seen = new Map<string, RegisteredRecording>();
  for (const row of rows) {
    if (seen.has(row.recording_id)) continue;
    const extra = JSON.parse(row.extra) as { producer?: string; content_id?: string };
    // Without a producer on record, the first AI tool used is the generating service.
    const [tool] = JSON.parse(row.ai_tools) as { name: string }[];
    seen.set(row.recording_id, {
      recordingId: row.recording_id,
      isrc: row.isrc ?? undefined,
      title: row.title,
      displayArtist: row.display_artist ?? undefined,
      workId: row.work_id ?? undefined,
      workTitle: row.work_title ?? undefined,
      aiContentTypes: deriveAiContentTypes({ vocals: row.ai_vocals as AiOrigin, instrumentation: row.ai_instrumentation as AiOrigin, production: row.ai_production as AiOrigin }),
      producer: extra.producer ?? tool?.name,
      contentId: extra.content_id ?? (tool ? (row.isrc ?? row.recording_id) : undefined),
    });
  }
  return [...seen.values()];
}

/** The one recording an id or ISRC names; refuses an unknown one and an ambiguous ISRC with the candidates. */
export async function requireOneRecording(context: Pick<RegistryContext, 'store'>, idOrIsrc: string): Promise<RegisteredRecording> {
  const found = await findRecordings(context, idOrIsrc);
  if (found.length === 0) throw new ClefError('CLEF_NOT_FOUND', `no recording ${idOrIsrc}`);
  if (found.length > 1) {
    throw new ClefError('CLEF_AMBIGUOUS', `ISRC ${idOrIsrc} names ${found.length} recordings: ${found.map((r) => `${r.recordingId} "${r.title}"`).join(', ')}; give the recording id`);
  }
  return found[0];
}
