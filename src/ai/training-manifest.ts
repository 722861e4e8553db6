import { parse } from 'csv-parse/sync';
import { ClefError } from '../errors/clef-error.js';
import type { Location } from '../errors/location.js';
import { parseIsrc, parseIswc } from '../identifiers/index.js';
import { parseDecimalFraction } from '../money/index.js';

/** One declared training item as the licensee wrote it, checked. */
export interface ManifestEntry {
  /** The manifest line (CSV) or 1-based entry number (JSON). */
  readonly line: number;
  readonly isrc: string | null;
  readonly iswc: string | null;
  readonly title: string | null;
  readonly artist: string | null;
  readonly fileDigest: string | null;
  readonly durationUsedMs: bigint | null;
}

/** A parsed manifest: its items and, for a JSON manifest, the model and training date it states. */
export interface TrainingManifest {
  readonly entries: readonly ManifestEntry[];
  readonly modelName?: string;
  readonly modelVersion?: string;
  readonly trainingDate?: string;
}

/** The columns (CSV) or keys (JSON) of a manifest entry. */
export const manifestFields = ['isrc', 'iswc', 'title', 'artist', 'file_digest', 'duration_used_s'] as const;

type Problem = { readonly message: string; readonly location: Location };

function text(value: unknown): string | null {
  if (value === undefined || value === null) return null;
  const s = String(value).trim();
  return s === '' ? null : s;
}

function durationMs(value: string): bigint | undefined {
  try {
    const { numerator, denominator } = parseDecimalFraction(value);
    if (numerator < 0n) return undefined;
    return (numerator * 1000n + denominator / 2n) / denominator;
  } catch {
    return undefined;
  }
}

function checkEntry(cells: Readonly<Record<string, unknown>>, line: number, file: string, problems: Problem[]): ManifestEntry {
  const at = (field: string, value: string | null): Location => ({ file, line, field, ...(value === null ? {} : { value }) });
  const raw = Object.fromEntries(manifestFields.map((f) => [f, text(cells[f])])) as Record<(typeof manifestFields)[number], string | null>;
  let isrc: string | null = null;
  let iswc: string | null = null;
  if (raw.isrc !== null) {
    const parsed = parseIsrc(raw.isrc);
    if (parsed.ok) isrc = parsed.value;
    else problems.push({ message: `isrc ${JSON.stringify(raw.isrc)} is invalid: ${parsed.reason}`, location: at('isrc', raw.isrc) });
  }
  if (raw.iswc !== null) {
    const parsed = parseIswc(raw.iswc);
    if (parsed.ok) iswc = parsed.value;
    else problems.push({ message: `iswc ${JSON.stringify(raw.iswc)} is invalid: ${parsed.reason}`, location: at('iswc', raw.iswc) });
  }
  if (raw.isrc === null && raw.iswc === null && raw.title === null) problems.push({ message: 'an entry needs an isrc, an iswc or a title', location: at('title', null) });
  if (raw.file_digest !== null && !/^(sha256:)?[0-9a-fA-F]{64}$/.test(raw.file_digest)) problems.push({ message: 'file_digest must be a sha256 digest (64 hex digits, optionally prefixed sha256:)', location: at('file_digest', raw.file_digest) });
  let duration: bigint | null = null;
  if (raw.duration_used_s !== null) {
    const ms = durationMs(raw.duration_used_s);
    if (ms === undefined) problems.push({ message: 'duration_used_s must be a number of seconds, not negative', location: at('duration_used_s', raw.duration_used_s) });
    else duration = ms;
  }
  return { line, isrc, iswc, title: raw.title, artist: raw.artist, fileDigest: raw.file_digest?.replace(/^sha256:/, '').toLowerCase() ?? null, durationUsedMs: duration };
}

function refuse(file: string, problems: readonly Problem[]): never {
  const [first] = problems;
  const more = problems.length > 1 ? ` (and ${problems.length - 1} more problem(s); nothing was imported)` : ' (nothing was imported)';
  throw new ClefError('CLEF_AI_MANIFEST_INVALID', `${first.message}${more}`, first.location, problems.map((p) => ({ ...p.location, message: p.message })));
}

function parseCsvManifest(content: string, file: string): TrainingManifest {
  let records: { record: string[]; info: { lines: number } }[];
  try {
    records = parse(content, { bom: true, info: true, relax_column_count: true, skip_empty_lines: true, trim: true }) as unknown as typeof records;
  } catch (error) {
    throw new ClefError('CLEF_AI_MANIFEST_INVALID', `not readable as CSV: ${(error as Error).message}`, { file });
  }
  if (records.length === 0) throw new ClefError('CLEF_AI_MANIFEST_INVALID', 'the manifest is empty', { file, line: 1 });
  const header = records[0].record.map((h) => h.toLowerCase());
  const unknown = header.filter((h) => !(manifestFields as readonly string[]).includes(h));
  if (unknown.length > 0 || !header.some((h) => h === 'isrc' || h === 'iswc' || h === 'title')) {
    throw new ClefError('CLEF_AI_MANIFEST_INVALID', `the header must name columns among ${manifestFields.join(', ')} (with isrc, iswc or title)${unknown.length ? `; unknown: ${unknown.join(', ')}` : ''}`, { file, line: 1, field: unknown[0] ?? 'header' });
  }
  const problems: Problem[] = [];
  const entries = records.slice(1).map(({ record, info }) => {
    if (record.length > header.length) problems.push({ message: `${record.length} cells where the header has ${header.length}`, location: { file, line: info.lines } });
    return checkEntry(Object.fromEntries(header.map((h, i) => [h, record[i]])), info.lines, file, problems);
  });
  if (problems.length > 0) refuse(file, problems);
  if (entries.length === 0) throw new ClefError('CLEF_AI_MANIFEST_INVALID', 'the manifest lists no entries', { file, line: 2 });
  return { entries };
}

function parseJsonManifest(content: string, file: string): TrainingManifest {
  let data: unknown;
  try {
    data = JSON.parse(content);
  } catch (error) {
    throw new ClefError('CLEF_AI_MANIFEST_INVALID', `not valid JSON: ${(error as Error).message}`, { file });
  }
  const root = Array.isArray(data) ? { entries: data } : (data as Record<string, unknown> | null);
  if (root === null || typeof root !== 'object' || !Array.isArray(root.entries)) {
    throw new ClefError('CLEF_AI_MANIFEST_INVALID', 'a JSON manifest is an array of entries or an object with an "entries" array', { file, field: 'entries' });
  }
  const problems: Problem[] = [];
  const entries = (root.entries as unknown[]).map((entry, i) => {
    if (entry === null || typeof entry !== 'object' || Array.isArray(entry)) {
      problems.push({ message: 'an entry must be an object', location: { file, line: i + 1, field: `entries[${i}]` } });
      return checkEntry({}, i + 1, file, []);
    }
    return checkEntry(entry as Record<string, unknown>, i + 1, file, problems);
  });
  const model = root.model as Record<string, unknown> | undefined;
  const date = text(root.training_date);
  if (model !== undefined && (typeof model !== 'object' || text(model?.name) === null || text(model?.version) === null)) problems.push({ message: 'model must be {"name", "version"}', location: { file, field: 'model' } });
  if (date !== null && !/^\d{4}-\d{2}-\d{2}$/.test(date)) problems.push({ message: 'training_date must be YYYY-MM-DD', location: { file, field: 'training_date', value: date } });
  if (problems.length > 0) refuse(file, problems);
  if (entries.length === 0) throw new ClefError('CLEF_AI_MANIFEST_INVALID', 'the manifest lists no entries', { file, field: 'entries' });
  return {
    entries,
    ...(model ? { modelName: text(model.name)!, modelVersion: text(model.version)! } : {}),
    ...(date ? { trainingDate: date } : {}),
  };
}

/**
 * Reads a training-data manifest, CSV (a header naming columns among isrc, iswc, title, artist, file_digest,
 * duration_used_s) or JSON (an array of entries with those keys, or `{model: {name, version}, training_date,
 * entries}`); every problem is collected and the first one is thrown with its file, line and field, the rest in
 * the error's details, so a bad manifest imports nothing.
 */
export function parseTrainingManifest(content: string, file: string): TrainingManifest {
  const trimmed = content.replace(/^\uFEFF/, '').trimStart();
  return trimmed.startsWith('[') || trimmed.startsWith('{') ? parseJsonManifest(trimmed, file) : parseCsvManifest(content, file);
}
