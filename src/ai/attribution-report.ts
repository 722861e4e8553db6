import { ClefError } from '../errors/clef-error.js';
import { parseIsrc, parseIswc } from '../identifiers/index.js';
import { parseDecimalToMicros } from '../money/index.js';

/** One weighed training subject of an attribution report: named by Clef work id, ISWC or ISRC. */
export interface AttributionWeight {
  /** 1-based position in the report's `weights`. */
  readonly entry: number;
  readonly workId: string | null;
  readonly iswc: string | null;
  readonly isrc: string | null;
  /** The weight in millionths (a decimal weight read exactly). */
  readonly weightMicros: bigint;
}

/** A licensee's attribution report for a month: each training work's weight of influence on the outputs. */
export interface AttributionReport {
  readonly period: string;
  readonly totalMicros: bigint;
  readonly weights: readonly AttributionWeight[];
}

function fail(file: string, field: string, message: string, value?: string): never {
  throw new ClefError('CLEF_AI_ATTRIBUTION_INVALID', message, { file, field, ...(value === undefined ? {} : { value }) });
}

function decimal(value: unknown, file: string, field: string): bigint {
  const text = typeof value === 'number' ? String(value) : value;
  if (typeof text !== 'string') fail(file, field, `${field} must be a decimal number`);
  try {
    const micros = parseDecimalToMicros(text.trim());
    if (micros < 0n) fail(file, field, `${field} must not be negative`, text);
    return micros;
  } catch (error) {
    if (error instanceof ClefError && error.code === 'CLEF_AI_ATTRIBUTION_INVALID') throw error;
    return fail(file, field, `${field} ${JSON.stringify(text)} is not a decimal with at most 6 decimals`, text);
  }
}

/**
 * Reads an attribution report, JSON `{period: "YYYY-MM", total: "1", weights: [{work_id | iswc | isrc, weight}]}`:
 * weights are exact decimals and must add up to the declared total exactly, and the period must be the month the
 * revenue report is for.
 */
export function parseAttributionReport(content: string, file: string, period: string): AttributionReport {
  let root: unknown;
  try {
    root = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    fail(file, 'attribution', `not valid JSON: ${(error as Error).message}`);
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root)) fail(file, 'attribution', 'an attribution report is a JSON object with period, total and weights');
  const object = root as Record<string, unknown>;
  if (object.period !== period) fail(file, 'period', `the report is for ${JSON.stringify(object.period)}, not ${period}`, String(object.period));
  const totalMicros = decimal(object.total, file, 'total');
  if (!Array.isArray(object.weights) || object.weights.length === 0) fail(file, 'weights', 'weights must be a non-empty list');
  const weights = (object.weights as unknown[]).map((item, i): AttributionWeight => {
    const field = `weights[${i}]`;
    if (item === null || typeof item !== 'object') fail(file, field, `${field} must be an object`);
    const w = item as Record<string, unknown>;
    const workId = typeof w.work_id === 'string' && w.work_id.trim() !== '' ? w.work_id.trim() : null;
    const iswcResult = typeof w.iswc === 'string' ? parseIswc(w.iswc) : null;
    const isrcResult = typeof w.isrc === 'string' ? parseIsrc(w.isrc) : null;
    if (iswcResult && !iswcResult.ok) fail(file, `${field}.iswc`, `${field}.iswc is invalid: ${iswcResult.reason}`, String(w.iswc));
    if (isrcResult && !isrcResult.ok) fail(file, `${field}.isrc`, `${field}.isrc is invalid: ${isrcResult.reason}`, String(w.isrc));
    if (!workId && !iswcResult && !isrcResult) fail(file, field, `${field} names no work_id, iswc or isrc`);
    return { entry: i + 1, workId, iswc: iswcResult?.ok ? iswcResult.value : null, isrc: isrcResult?.ok ? isrcResult.value : null, weightMicros: decimal(w.weight, file, `${field}.weight`) };
  });
  const sum = weights.reduce((s, w) => s + w.weightMicros, 0n);
  if (sum !== totalMicros) fail(file, 'total', `the weights add up to ${sum} millionths, not the declared total ${totalMicros}`);
  return { period, totalMicros, weights };
}
