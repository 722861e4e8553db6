import { applyBasisPoints } from '../money/index.js';
import type { AiLicence } from './ai-licence.js';

/** Where an AI pool's money comes from. */
export type AiPoolSource = 'training_fee' | 'revenue_share' | 'output_use';

/** What a licensee reported for a month, in micro-units of the licence's currency. */
export interface AiRevenue {
  readonly netRevenueMicros: bigint;
  readonly outputRevenueMicros: bigint;
}

/**
 * The money a licence owes for a month, per source: the training fee in the term's first month; the revenue share
 * (the licence's percentage of net revenue, at least the monthly minimum guarantee, the guarantee alone when no
 * revenue was reported); output-use remuneration as the licence's rate on the output revenue reported.
 */
export function aiPoolAmounts(licence: Pick<AiLicence, 'termStart' | 'trainingFeeMicros' | 'revenueShareBasisPoints' | 'minimumGuaranteeMicros' | 'outputRateBasisPoints'>, period: string, revenue: AiRevenue | null): Record<AiPoolSource, bigint> {
  const share = revenue === null ? 0n : applyBasisPoints(revenue.netRevenueMicros, licence.revenueShareBasisPoints);
  return {
    training_fee: period === licence.termStart.slice(0, 7) ? licence.trainingFeeMicros : 0n,
    revenue_share: share > licence.minimumGuaranteeMicros ? share : licence.minimumGuaranteeMicros,
    output_use: revenue === null ? 0n : applyBasisPoints(revenue.outputRevenueMicros, licence.outputRateBasisPoints),
  };
}
