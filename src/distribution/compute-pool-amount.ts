import { divideRounded, microsPerUnit, parseDecimalFraction } from '../money/index.js';

/** What a pool's amount is computed from, all in the report's currency of reporting except where said. */
export interface PoolAmountInput {
  /** NetRevenue of the summary record, or a SY05's revenue allocated to the CMO's rights controller (decimal text). */
  readonly revenue: string | null;
  /** The licence's royalty rate on that revenue (decimal text, `"0.12"`). */
  readonly rate: string;
  /** Subscribers of the summary (SY04), when the licence has a per-subscriber minimum. */
  readonly subscribers: bigint | null;
  /** The licence's per-subscriber minimum in micro-units of the report's currency. */
  readonly perSubscriberMinimumMicros: bigint | null;
  /** An amount entered from the DSP's invoice, in micro-units of the report's currency: it replaces the computation. */
  readonly invoiceMicros: bigint | null;
  /** Units of the CMO's currency per unit of the report's currency (decimal text); null when they are the same. */
  readonly fxRate: string | null;
}

/** A pool's amount in the CMO's currency and which rule gave it. */
export interface PoolAmount {
  readonly micros: bigint;
  readonly basis: 'rate' | 'minimum' | 'invoice';
}

/**
 * The royalty the CMO is owed for one summary record: rate × revenue, or the per-subscriber minimum × subscribers
 * where higher, or the invoiced amount; converted with the exchange rate and rounded half-even once, at the end.
 * @example computePoolAmount({ revenue: '1000', rate: '0.12', subscribers: null, perSubscriberMinimumMicros: null, invoiceMicros: null, fxRate: null }) // { micros: 120_000_000n, basis: 'rate' }
 */
export function computePoolAmount(input: PoolAmountInput): PoolAmount {
  const fx = input.fxRate === null ? { numerator: 1n, denominator: 1n } : parseDecimalFraction(input.fxRate);
  const convert = (numerator: bigint, denominator: bigint): bigint => divideRounded(numerator * fx.numerator, denominator * fx.denominator, 'halfEven');
  if (input.invoiceMicros !== null) return { micros: convert(input.invoiceMicros, 1n), basis: 'invoice' };
  const revenue = input.revenue === null ? { numerator: 0n, denominator: 1n } : parseDecimalFraction(input.revenue);
  const rate = parseDecimalFraction(input.rate);
  const byRateNumerator = revenue.numerator * rate.numerator * microsPerUnit;
  const byRateDenominator = revenue.denominator * rate.denominator;
  if (input.perSubscriberMinimumMicros !== null && input.subscribers !== null) {
    const minimum = input.perSubscriberMinimumMicros * input.subscribers;
    if (minimum * byRateDenominator > byRateNumerator) return { micros: convert(minimum, 1n), basis: 'minimum' };
  }
  return { micros: convert(byRateNumerator, byRateDenominator), basis: 'rate' };
}
