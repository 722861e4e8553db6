import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { scanAudio, type RecordingCatalogue } from '../../audio/index.js';
import { ClefError } from '../../errors/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { isIsoDate } from '../../calendar/index.js';
import { findDeclarationByDigest, insertDeclaration, listDeclarationRows, readDeclarationEntries } from '../../store/ai/declaration-queries.js';
import { inTransaction, nextIds, type ClefDatabase } from '../../store/index.js';
import { coversModel } from '../ai-licence.js';
import { parseTrainingContentSummary, type TrainingContentSummary } from '../training-content-summary.js';
import { parseTrainingManifest } from '../training-manifest.js';
import { identifyTrainingEntries } from './identify-training-entries.js';
import { licenceOf, requireLicence } from './licences.js';

/** What `clef ai declarations import` asks for. */
export interface DeclarationRequest {
  readonly file: string;
  readonly licenceId: string;
  /** The EU AI Act training-content summary (JSON), when the licensee has one. */
  readonly summaryFile?: string;
  /** A folder of the training audio, scanned against the audio index. */
  readonly dataset?: { readonly dir: string; readonly indexDir: string; readonly catalogue?: RecordingCatalogue };
  readonly modelName?: string;
  readonly modelVersion?: string;
  readonly trainingDate?: string;
}

/** The declaration recorded (or found: the same manifest declared twice under a licence is recognized by its digest). */
export interface DeclarationOutcome {
  readonly declaration_id: string;
  readonly licence_id: string;
  readonly model: string;
  readonly training_date: string;
  readonly entries: number;
  readonly identified: number;
  readonly duplicate: boolean;
}

function readText(file: string, field: string): string {
  try {
    return readFileSync(file, 'utf8');
  } catch (error) {
    throw new ClefError('CLEF_FILE_UNREADABLE', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file, field });
  }
}

function fileDigest(file: string): string {
  return createHash('sha256').update(readFileSync(file)).digest('hex');
}

/**
 * Records a licensee's training-data declaration under a licence: reads the manifest (CSV or JSON) and the
 * summary, checks that the licence covers the model and version declared (options, then the manifest, then the
 * summary; the licence's own when none says), identifies each entry (ISRC, ISWC, title and artist) and each
 * audio file of the dataset folder (audio identification), and writes it all in one transaction, or nothing.
 */
export async function importDeclaration(context: RegistryContext, request: DeclarationRequest): Promise<DeclarationOutcome> {
  const { row, licensee } = await requireLicence(context.store.db, request.licenceId);
  const licence = licenceOf(row);
  const content = readText(request.file, 'manifest');
  const manifest = parseTrainingManifest(content, request.file);
  let summary: TrainingContentSummary | null = null;
  if (request.summaryFile !== undefined) summary = parseTrainingContentSummary(readText(request.summaryFile, 'summary'), request.summaryFile);
  const general = summary?.general_information;
  const modelName = request.modelName ?? manifest.modelName ?? general?.model_name ?? licence.modelName;
  const modelVersion = request.modelVersion ?? manifest.modelVersion ?? general?.model_version ?? licence.modelVersion;
  if (!coversModel(licence, modelName, modelVersion)) {
    throw new ClefError('CLEF_AI_MODEL_NOT_COVERED', `licence ${licence.licenceId} of ${licensee.legal_name} covers ${licence.modelName} ${licence.modelVersion}, not ${modelName} ${modelVersion}: a new or retrained version needs a new licence`, { file: request.file, field: 'model', value: `${modelName} ${modelVersion}` });
  }
  const trainingDate = request.trainingDate ?? manifest.trainingDate ?? general?.training_date ?? licence.termStart;
  if (!isIsoDate(trainingDate)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `the training date must be YYYY-MM-DD, not ${trainingDate}`, { field: '--trained-on', value: trainingDate });
  const digest = createHash('sha256').update(content).digest('hex');
  const known = await findDeclarationByDigest(context.store.db, licence.licenceId, digest);
  if (known) {
    const identifiedBefore = (await readDeclarationEntries(context.store.db, known.declaration_id)).filter((e) => e.work_id !== null || e.recording_id !== null).length;
    return { declaration_id: known.declaration_id, licence_id: known.licence_id, model: `${known.model_name} ${known.model_version}`, training_date: known.training_date, entries: Number(known.entries), identified: identifiedBefore, duplicate: true };
  }
  const identified = await identifyTrainingEntries(context.store.db, manifest.entries, basename(request.file));
  const rows: Omit<ClefDatabase['ai_declaration_entries'], 'declaration_id' | 'entry_no'>[] = manifest.entries.map((e, i) => ({
    source: 'manifest', origin: `${basename(request.file)}:${e.line}`, isrc: e.isrc, iswc: e.iswc, title: e.title, artist: e.artist, file_digest: e.fileDigest,
    duration_used_ms: e.durationUsedMs, work_id: identified[i].workId, recording_id: identified[i].recordingId, method: identified[i].method, evidence: identified[i].evidence,
  }));
  if (request.dataset) {
    const scan = await scanAudio(request.dataset.dir, { indexDir: request.dataset.indexDir, catalogue: request.dataset.catalogue });
    for (const file of scan.files) {
      const [best] = file.matches;
      const evidence = file.error ? `${file.file}: ${file.error.code} ${file.error.message}`
        : best ? `${file.file}: audio matches ${best.isrc ?? best.recording_id} at ${best.reference_offset_s} s for ${best.matched_s} s (score ${best.score})` : `${file.file}: no registered recording found in the audio`;
      rows.push({
        source: 'dataset', origin: file.file, isrc: best?.isrc ?? null, iswc: null, title: best?.title ?? null, artist: null, file_digest: file.error ? null : fileDigest(file.file),
        duration_used_ms: file.duration_s === undefined ? null : BigInt(Math.round(file.duration_s * 1000)), work_id: null, recording_id: best?.recording_id ?? null,
        method: best?.recording_id ? 'audio' : 'none', evidence,
      });
    }
  }
  return inTransaction(context.store.db, async (tx) => {
    const [declarationId] = await nextIds(tx, 'ai_declaration', 'DCL', 1);
    await insertDeclaration(
      tx,
      {
        declaration_id: declarationId, licence_id: licence.licenceId, model_name: modelName, model_version: modelVersion, training_date: trainingDate,
        manifest_file: basename(request.file), manifest_digest: digest, summary: summary === null ? null : JSON.stringify(summary), entries: BigInt(rows.length),
        created_at: context.clock(), actor: context.actor,
      },
      rows.map((r, i) => ({ ...r, declaration_id: declarationId, entry_no: i + 1 })),
    );
    return {
      declaration_id: declarationId, licence_id: licence.licenceId, model: `${modelName} ${modelVersion}`, training_date: trainingDate, entries: rows.length,
      identified: rows.filter((r) => r.work_id !== null || r.recording_id !== null).length, duplicate: false,
    };
  });
}

/** A licence's declarations, oldest first. */
export async function listDeclarations(context: Pick<RegistryContext, 'store'>, licenceId: string): Promise<ClefDatabase['ai_declarations'][]> {
  await requireLicence(context.store.db, licenceId);
  return listDeclarationRows(context.store.db, licenceId);
}
