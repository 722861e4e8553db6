import { isIsoMonth } from '../../calendar/index.js';
import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { ClefError } from '../../errors/index.js';
import { parseAmount } from '../../distribution/use-cases/dsp-licences.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { readWorksById } from '../../store/ai/training-subject-queries.js';
import { findRevenueReport, insertRevenueReport } from '../../store/ai/revenue-queries.js';
import { findWorkIdsByIswc } from '../../store/registry/work-queries.js';
import { inTransaction, nextIds, type ClefDatabase } from '../../store/index.js';
import { withinTerm } from '../ai-licence.js';
import { parseAttributionReport } from '../attribution-report.js';
import { licenceOf, requireLicence } from './licences.js';
import { loadTrainingSubjects } from './training-subjects.js';

/** What `clef ai revenue add` asks for: decimal amounts in the licence's currency. */
export interface RevenueInput {
  readonly licenceId: string;
  readonly period: string;
  readonly net: string;
  readonly outputRevenue?: string;
  readonly attributionFile?: string;
}

/** A revenue report as commands print it. */
export interface RevenueView {
  readonly revenue_id: string;
  readonly licence_id: string;
  readonly period: string;
  readonly net_revenue_micros: string;
  readonly output_revenue_micros: string;
  /** Each attributed work's weight in millionths. */
  readonly attribution: readonly { readonly work_id: string; readonly weight_micros: string }[] | null;
}

async function attributionOf(context: RegistryContext, file: string, period: string): Promise<Map<string, bigint>> {
  let content: string;
  try {
    content = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ClefError('CLEF_FILE_UNREADABLE', `cannot read ${file}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`, { file });
  }
  const report = parseAttributionReport(content, file, period);
  const db = context.store.db;
  const known = new Set((await readWorksById(db, report.weights.flatMap((w) => (w.workId ? [w.workId] : [])))).map((w) => w.work_id));
  const byIswc = await findWorkIdsByIswc(db, report.weights.flatMap((w) => (w.iswc ? [w.iswc] : [])));
  const subjects = await loadTrainingSubjects(db);
  const byIsrc = new Map<string, string[]>();
  for (const [, r] of subjects.recordings) if (r.isrc) byIsrc.set(r.isrc, [...(byIsrc.get(r.isrc) ?? []), ...r.workIds]);
  const weights = new Map<string, bigint>();
  for (const w of report.weights) {
    const field = `weights[${w.entry - 1}]`;
    const viaIsrc = w.isrc ? [...new Set(byIsrc.get(w.isrc) ?? [])] : [];
    const workId = w.workId ? (known.has(w.workId) ? w.workId : undefined) : w.iswc ? byIswc.get(w.iswc) : viaIsrc.length === 1 ? viaIsrc[0] : undefined;
    if (!workId) {
      const named = w.workId ?? w.iswc ?? w.isrc;
      throw new ClefError('CLEF_AI_ATTRIBUTION_INVALID', `${field} names ${named}, which is no registered work (an ISRC must name a recording of exactly one work)`, { file, field, value: named ?? '' });
    }
    weights.set(workId, (weights.get(workId) ?? 0n) + w.weightMicros);
  }
  return weights;
}

function view(row: ClefDatabase['ai_revenue_reports']): RevenueView {
  const attribution = row.attribution === null ? null : (JSON.parse(row.attribution) as { work_id: string; weight_micros: string }[]);
  return { revenue_id: row.revenue_id, licence_id: row.licence_id, period: row.period, net_revenue_micros: String(row.net_revenue_micros), output_revenue_micros: String(row.output_revenue_micros), attribution };
}

/**
 * Records a licensee's report for a month within its licence's term: net revenue, output-use revenue and,
 * optionally, an attribution report whose works are resolved (work id, ISWC or ISRC) and whose weights must add
 * up to its declared total. One report per licence and month.
 */
export async function addRevenue(context: RegistryContext, input: RevenueInput): Promise<RevenueView> {
  if (!isIsoMonth(input.period)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--period must be YYYY-MM, not ${input.period}`, { field: '--period', value: input.period });
  const { row } = await requireLicence(context.store.db, input.licenceId);
  const licence = licenceOf(row);
  if (!withinTerm(licence, input.period)) {
    throw new ClefError('CLEF_AI_PERIOD_OUTSIDE_TERM', `licence ${licence.licenceId} runs from ${licence.termStart} to ${licence.termEnd}; ${input.period} is outside it`, { field: '--period', value: input.period });
  }
  const net = parseAmount(input.net, '--net');
  const output = input.outputRevenue === undefined ? 0n : parseAmount(input.outputRevenue, '--output-revenue');
  const weights = input.attributionFile === undefined ? null : await attributionOf(context, input.attributionFile, input.period);
  return inTransaction(context.store.db, async (tx) => {
    if (await findRevenueReport(tx, licence.licenceId, input.period)) {
      throw new ClefError('CLEF_AI_REVENUE_DUPLICATE', `licence ${licence.licenceId} already has a revenue report for ${input.period}`, { field: '--period', value: input.period });
    }
    const [revenueId] = await nextIds(tx, 'ai_revenue', 'REV', 1);
    const record = {
      revenue_id: revenueId, licence_id: licence.licenceId, period: input.period, net_revenue_micros: net, output_revenue_micros: output,
      attribution: weights === null ? null : JSON.stringify([...weights].sort(([a], [b]) => (a < b ? -1 : 1)).map(([work_id, w]) => ({ work_id, weight_micros: String(w) }))),
      attribution_file: input.attributionFile === undefined ? null : basename(input.attributionFile), created_at: context.clock(), actor: context.actor,
    };
    await insertRevenueReport(tx, record);
    return view(record);
  });
}

/** A licence's revenue report for a month with its attribution as a map, or null. */
export async function revenueFor(context: Pick<RegistryContext, 'store'>, licenceId: string, period: string): Promise<(RevenueView & { readonly weights: Map<string, bigint> | null }) | null> {
  const row = await findRevenueReport(context.store.db, licenceId, period);
  if (!row) return null;
  const v = view(row);
  return { ...v, weights: v.attribution === null ? null : new Map(v.attribution.map((a) => [a.work_id, BigInt(a.weight_micros)])) };
}
