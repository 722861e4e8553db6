import { daysInMonth } from '../../calendar/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { requireSettings } from '../../registry/use-cases/settings.js';
import { listClaimRows, readPaidShares } from '../../store/distribution/reserve-queries.js';
import { inTransaction } from '../../store/index.js';
import type { AccountKind } from '../ledger-entry.js';
import { marketShareRelease } from '../market-share-release.js';
import type { Right } from '../../registry/right.js';
import { readPolicy } from './distribute-period.js';
import { lockBookings } from './lock-bookings.js';
import { recordTransferRun } from './record-transfer-run.js';
import { loadReserveSlots, settleClaims } from './reserve-slots.js';

/** What a market-share release did: one run per usage month released, with what it released per DSP. */
export interface ReleaseOutcome {
  /** The last usage month old enough to release (its end plus the holding period is on or before the as-of day). */
  readonly releasedThrough: string;
  readonly runs: readonly { readonly run_id: string; readonly period: string; readonly released: readonly { readonly dsp: string; readonly amount_micros: string }[] }[];
  /** DSP and month groups that hold unmatched money but paid nobody, so nothing could weigh a release. */
  readonly unweighted: readonly { readonly dsp: string; readonly period: string; readonly amount_micros: string }[];
}

/** The last month whose last day plus `months` months falls on or before `asOf` (`YYYY-MM-DD`), as `YYYY-MM`. */
export function lastReleasableMonth(asOf: string, months: number): string {
  const [year, month, day] = asOf.split('-').map(Number);
  const lastDayOfAsOfMonth = daysInMonth(year, month);
  const index = year * 12 + (month - 1) - months - (day === lastDayOfAsOfMonth ? 0 : 1);
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/**
 * Releases the unmatched money of every usage month older than the policy's holding period (as of `asOf`, the
 * clock's day when omitted), per DSP and month, to those the same DSP and month paid, in proportion to what each
 * was paid: one `release` run per month. Money that approved, unpaid claims reach stays for them.
 */
export async function releaseMarketShare(context: RegistryContext, options: { readonly asOf?: string; readonly policyPath?: string } = {}): Promise<ReleaseOutcome> {
  const { currency } = await requireSettings(context, ['currency']);
  const { policy, policyText } = readPolicy(options.policyPath);
  const asOf = options.asOf ?? context.clock().slice(0, 10);
  const through = lastReleasableMonth(asOf, policy.holdingPeriodMonths);
  return inTransaction(context.store.db, async (tx) => {
    await lockBookings(tx, context.store.engine);
    const { left } = settleClaims(await loadReserveSlots(tx), await listClaimRows(tx, 'approved'));
    const unmatched = left.filter((s) => s.reserve === 'unmatched' && s.periodEnd.slice(0, 7) <= through);
    const periods = [...new Set(unmatched.map((s) => s.periodEnd.slice(0, 7)))].sort();
    const runs: ReleaseOutcome['runs'][number][] = [];
    const unweighted: ReleaseOutcome['unweighted'][number][] = [];
    for (const period of periods) {
      const paid = await readPaidShares(tx, period);
      const inPeriod = unmatched.filter((s) => s.periodEnd.slice(0, 7) === period);
      const entries = [];
      const released = [];
      for (const dsp of [...new Set(inPeriod.map((s) => s.dsp))].sort()) {
        const slots = inPeriod.filter((s) => s.dsp === dsp);
        const shares = paid.filter((p) => p.dsp === dsp).map((p) => ({
          poolId: p.pool_id, accountKind: p.account_kind as AccountKind, accountId: p.account_id, partyId: p.party_id, workId: p.work_id,
          recordingId: p.recording_id, right: p.right_code as Right | null, amountMicros: p.amount_micros,
        }));
        const bookings = marketShareRelease(slots, shares);
        const amount = slots.reduce((sum, s) => sum + s.amountMicros, 0n);
        if (bookings.length === 0) {
          if (amount !== 0n) unweighted.push({ dsp, period, amount_micros: String(amount) });
          continue;
        }
        entries.push(...bookings);
        released.push({ dsp, amount_micros: String(amount) });
      }
      if (entries.length === 0) continue;
      const runId = await recordTransferRun(tx, context, { kind: 'release', period, currency: currency!, policy, policyText, inputs: { as_of: asOf, holding_period_months: policy.holdingPeriodMonths, released }, entries });
      runs.push({ run_id: runId, period, released });
    }
    return { releasedThrough: through, runs, unweighted };
  });
}
