import { isIsoMonth } from '../../calendar/index.js';
import { allocatePool, poolRules, summarizeRun, type PoolAllocation } from '../../distribution/index.js';
import { readPolicy } from '../../distribution/use-cases/distribute-period.js';
import { loadWorksSnapshot } from '../../distribution/use-cases/load-registry-snapshot.js';
import { payApprovedClaims } from '../../distribution/use-cases/pay-approved-claims.js';
import { digestOf } from '../../distribution/use-cases/record-run.js';
import { ClefError } from '../../errors/index.js';
import { createTerritoryResolver } from '../../lookups/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { requireSettings } from '../../registry/use-cases/settings.js';
import { listDeclarationRows } from '../../store/ai/declaration-queries.js';
import { findAiPools, insertAiPools } from '../../store/ai/revenue-queries.js';
import { insertRun, savePolicyVersion } from '../../store/distribution/run-queries.js';
import { inTransaction, nextIds } from '../../store/index.js';
import { withinTerm } from '../ai-licence.js';
import { aiPoolAmounts, type AiPoolSource } from '../ai-pool-amounts.js';
import { aiPoolInput, escrowNonMembers, monthEnd, type AiPoolSubject } from '../ai-pool-input.js';
import { attributionWeights, divisionWeights, type UsedWork } from '../training-weights.js';
import { classifyDeclaration } from './audit-declaration.js';
import { licenceOf, requireLicence } from './licences.js';
import { revenueFor } from './revenue-reports.js';

/** What `clef ai distribute` asks for. */
export interface AiDistributeRequest {
  readonly licenceId: string;
  readonly period: string;
  readonly policyPath?: string;
}

/** A work used although reserved: not paid from the licence, listed for enforcement. */
export interface EnforcementItem {
  readonly declaration_id: string;
  readonly work_id: string | null;
  readonly recording_id: string | null;
  readonly evidence: string;
}

/** The run booked, what each source brought in, the works left out for enforcement, and the claims run if any. */
export interface AiDistributeOutcome {
  readonly run_id: string;
  readonly pools: Readonly<Record<AiPoolSource, string>>;
  readonly works_paid: number;
  readonly enforcement: readonly EnforcementItem[];
  readonly claims_run_id?: string;
}

const sources: readonly AiPoolSource[] = ['training_fee', 'revenue_share', 'output_use'];

function jsonText(value: unknown): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'bigint' ? v.toString() : v instanceof Map ? [...v.entries()] : v));
}

/**
 * Books the AI remuneration of a licence for a month as one immutable run of kind `ai` on the distribution ledger:
 * the training fee (first month of the term), the revenue share (at least the minimum guarantee) and output-use
 * remuneration, each a pool divided over the works the licensee's declarations use within the licence (fee by the
 * licence's rule, revenue and output by attribution with the fallback by analogy), then over each work's
 * reproduction-right collection shares by the distribution engine; non-members' shares go to the `ai_escrow`
 * reserve, works used although reserved are left out and listed for enforcement. Approved claims are paid after.
 */
export async function distributeAi(context: RegistryContext, request: AiDistributeRequest): Promise<AiDistributeOutcome> {
  if (!isIsoMonth(request.period)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--period must be YYYY-MM, not ${request.period}`, { field: '--period', value: request.period });
  const { currency } = await requireSettings(context, ['currency']);
  const { policy, policyText } = readPolicy(request.policyPath);
  const resolve = createTerritoryResolver(context.lookups.territories);
  const { row } = await requireLicence(context.store.db, request.licenceId);
  const licence = licenceOf(row);
  if (!withinTerm(licence, request.period)) {
    throw new ClefError('CLEF_AI_PERIOD_OUTSIDE_TERM', `licence ${licence.licenceId} runs from ${licence.termStart} to ${licence.termEnd}; ${request.period} is outside it`, { field: '--period', value: request.period });
  }
  const declarations = await listDeclarationRows(context.store.db, licence.licenceId);
  if (declarations.length === 0) throw new ClefError('CLEF_NOT_FOUND', `licence ${licence.licenceId} has no training-data declaration: import one with clef ai declarations import`, { field: '--licence', value: licence.licenceId });
  const subjects = new Map<string, AiPoolSubject & { items: bigint; durationMs: bigint | null }>();
  const enforcement: EnforcementItem[] = [];
  for (const declaration of declarations) {
    for (const entry of (await classifyDeclaration(context.store.db, declaration.declaration_id)).entries) {
      if (entry.verdict.category === 'violation') enforcement.push({ declaration_id: declaration.declaration_id, work_id: entry.workId, recording_id: entry.row.recording_id, evidence: `${entry.row.evidence}; ${entry.verdict.reason}` });
      if (entry.verdict.category !== 'licensed') continue;
      const key = entry.workId ?? `recording:${entry.row.recording_id}`;
      const s = subjects.get(key) ?? { key, workId: entry.workId, recordingId: entry.workId ? null : entry.row.recording_id, items: 0n, durationMs: 0n };
      const duration = entry.row.duration_used_ms === null ? null : BigInt(entry.row.duration_used_ms);
      subjects.set(key, { ...s, items: s.items + 1n, durationMs: s.durationMs === null || duration === null ? null : s.durationMs + duration });
    }
  }
  const used: UsedWork[] = [...subjects.values()].map((s) => ({ workId: s.key, items: s.items, durationMs: s.durationMs }));
  const revenue = await revenueFor(context, licence.licenceId, request.period);
  const amounts = aiPoolAmounts(licence, request.period, revenue && { netRevenueMicros: BigInt(revenue.net_revenue_micros), outputRevenueMicros: BigInt(revenue.output_revenue_micros) });
  const weightsOf: Record<AiPoolSource, Map<string, bigint>> = {
    training_fee: divisionWeights(licence.feeDivision, used, revenue?.weights ?? null),
    revenue_share: attributionWeights(used, revenue?.weights ?? null),
    output_use: attributionWeights(used, revenue?.weights ?? null),
  };
  return inTransaction(context.store.db, async (tx) => {
    if ((await findAiPools(tx, licence.licenceId, request.period)).length > 0) {
      throw new ClefError('CLEF_AI_ALREADY_DISTRIBUTED', `licence ${licence.licenceId} was already distributed for ${request.period} (see clef runs list)`, { field: '--period', value: request.period });
    }
    const snapshot = await loadWorksSnapshot(tx, [...subjects.values()].flatMap((s) => (s.workId ? [s.workId] : [])));
    const booked = sources.filter((source) => amounts[source] !== 0n).map((source) => {
      const pool = aiPoolInput({ licenceId: licence.licenceId, period: request.period, source, amountMicros: amounts[source], subjects: [...subjects.values()], weights: weightsOf[source] });
      return { source, allocation: escrowNonMembers(allocatePool(pool, poolRules(policy, pool.scope), snapshot, resolve)) };
    });
    const bookings: PoolAllocation[] = booked.map((b) => b.allocation);
    const summary = summarizeRun(bookings);
    const [runId] = await nextIds(tx, 'distribution_run', 'RUN', 1);
    const now = context.clock();
    await savePolicyVersion(tx, { version: policy.version, digest: digestOf(policyText), policy: policyText, recorded_at: now });
    const snapshotText = jsonText(snapshot);
    const inputs = jsonText({
      licence: licence.licenceId, declarations: declarations.map((d) => ({ declaration_id: d.declaration_id, digest: d.manifest_digest })), revenue: revenue?.revenue_id ?? null,
      amounts, weights: weightsOf, enforcement, policy_digest: digestOf(policyText),
    });
    let seq = 0;
    await insertRun(
      tx,
      context.store.engine,
      {
        run_id: runId, kind: 'ai', period: request.period, dsp: licence.licenceId, adjusts: null, policy_version: policy.version, currency: currency!,
        inputs, snapshot: snapshotText, snapshot_digest: digestOf(snapshotText), money_in_micros: summary.moneyInMicros, commission_micros: summary.commissionMicros,
        allocated_micros: summary.allocatedMicros, lines: BigInt(used.length), matched_lines: BigInt(used.length), usages: summary.matchCounts.usages, matched_usages: summary.matchCounts.matchedUsages,
        line_micros: summary.matchCounts.micros, matched_micros: summary.matchCounts.matchedMicros, created_at: now, actor: context.actor, labels_recorded: true,
      },
      [],
      booked.map(({ source, allocation }) => ({
        run_id: runId, pool_id: allocation.poolId, report_id: 0n, summary_record_id: revenue?.revenue_id ?? declarations[0].declaration_id, dsp: licence.licenceId,
        commercial_model: 'AiTraining', use_type: source, territory: '2136', basis: 'ai', amount_micros: allocation.amountMicros,
      })),
      bookings.flatMap((b) => b.entries).map((e) => ({
        run_id: runId, entry_seq: seq++, pool_id: e.poolId, account_kind: e.accountKind, account_id: e.accountId, party_id: e.partyId,
        work_id: e.workId, recording_id: e.recordingId, right_code: e.right, amount_micros: e.amountMicros, usages: e.usages, currency: currency!,
      })),
    );
    await insertAiPools(tx, booked.map(({ source, allocation }) => ({ pool_id: allocation.poolId, run_id: runId, licence_id: licence.licenceId, period: request.period, period_end: monthEnd(request.period), source })));
    const claimsRunId = await payApprovedClaims(tx, context, { period: request.period, currency: currency!, policy, policyText });
    const outcome: AiDistributeOutcome = {
      run_id: runId, pools: Object.fromEntries(sources.map((s) => [s, String(amounts[s])])) as Record<AiPoolSource, string>, works_paid: subjects.size, enforcement,
    };
    return claimsRunId === null ? outcome : { ...outcome, claims_run_id: claimsRunId };
  });
}
