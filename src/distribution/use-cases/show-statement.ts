import { ClefError } from '../../errors/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { normalizeSocietyCode } from '../../lookups/index.js';
import { readPayeeStatementEntries, readWorkRightTotals } from '../../store/distribution/payee-statement-queries.js';
import { findRunRow } from '../../store/distribution/run-queries.js';
import { listDspRows } from '../../store/usage/dsp-queries.js';
import { readableStatement, type ReadableStatement } from '../readable-statement.js';
import { partyLabels } from './run-figures.js';
import { runLabels } from './run-labels.js';

/**
 * One payee's readable statement of a run: a member by party id, or a sister society by its code (named from the
 * societies lookup). A payee the run booked nothing to gets an empty statement, not an error.
 */
export async function showStatement(context: Pick<RegistryContext, 'store' | 'lookups'>, runId: string, payeeId: string): Promise<ReadableStatement> {
  const db = context.store.db;
  const run = await findRunRow(db, runId);
  if (!run) throw new ClefError('CLEF_NOT_FOUND', `no run ${runId} (see clef runs list)`, { value: runId });
  const society = /^\d{1,3}$/.test(payeeId) ? context.lookups.societies.get(normalizeSocietyCode(payeeId)) : undefined;
  const kind = society ? 'society' : 'party';
  const accountId = society ? society.code : payeeId;
  const entries = await readPayeeStatementEntries(db, runId, kind, accountId);
  const workIds = [...new Set(entries.map((e) => e.work_id).filter((id): id is string => id !== null))];
  const totals = new Map((await readWorkRightTotals(db, runId, workIds)).map((t) => [`${t.pool_id}|${t.work_id}|${t.right_code}`, t.amount_micros]));
  const dspNames = new Map((await listDspRows(db)).map((d) => [d.dpid, d.name]));
  // Titles, ISWCs and names as the run recorded them: an ACK, a merge or a rename never changes a booked statement.
  const labels = await runLabels(context, run, workIds, society ? [] : [accountId]);
  // A party the run booked nothing to is not in its labels: it gets an empty statement under its name now.
  const label = society ? undefined : labels.parties.get(accountId) ?? (await partyLabels(context, [accountId])).get(accountId);
  if (!society && !label) throw new ClefError('CLEF_NOT_FOUND', `no party ${payeeId}`, { value: payeeId });
  return readableStatement(
    { run_id: run.run_id, kind: run.kind, period: run.period, currency: run.currency, policy_version: run.policy_version, snapshot_digest: run.snapshot_digest, created_at: run.created_at },
    { kind: society ? 'society' : 'member', id: accountId, name: society ? society.name : label!.name, ipi_name_numbers: label?.ipis ?? [] },
    entries.map((e) => ({
      ...e, usages: BigInt(e.usages), amount_micros: BigInt(e.amount_micros),
      iswc: labels.works.get(e.work_id ?? '')?.iswc ?? null, title: labels.works.get(e.work_id ?? '')?.title ?? null,
      // An AI pool has no usage report: its source is the pool and its period the run's.
      message_id: e.message_id ?? e.pool_id, period_start: e.period_start ?? run.period, period_end: e.period_end ?? run.period,
      work_right_total_micros: totals.get(`${e.pool_id}|${e.work_id}|${e.right_code}`) ?? BigInt(e.amount_micros),
    })),
    dspNames,
  );
}
