import { isIsoMonth } from '../../calendar/index.js';
import { ClefError } from '../../errors/index.js';
import { isCurrency, parseDecimalFraction } from '../../money/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { saveFxRate } from '../../store/distribution/licence-queries.js';

/** An exchange rate as recorded: units of `to` per unit of `from` for a month. */
export interface FxRate {
  readonly from: string;
  readonly to: string;
  readonly period: string;
  readonly rate: string;
}

// No currency pair is a billion to one, and 12 decimals are beyond any published rate; bounds keep converted
// amounts inside the store's 64-bit columns.
const maxRate = 1_000_000_000n;
const maxRateDenominator = 10n ** 12n;

/** Records the rate that converts a month's pools from one currency into another (`clef fx set FROM TO PERIOD RATE`). */
export async function setFxRate(context: RegistryContext, input: FxRate): Promise<FxRate> {
  const from = input.from.toUpperCase();
  const to = input.to.toUpperCase();
  for (const [field, code] of [['FROM', from], ['TO', to]] as const) {
    if (!isCurrency(code)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `${field} must be an ISO 4217 currency code, not ${code}`, { field, value: code });
  }
  if (!isIsoMonth(input.period)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `PERIOD must be YYYY-MM, not ${input.period}`, { field: 'PERIOD', value: input.period });
  let positive = false;
  try {
    const { numerator, denominator } = parseDecimalFraction(input.rate);
    positive = numerator > 0n;
    if (numerator > maxRate * denominator || denominator > maxRateDenominator) {
      throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `RATE ${input.rate} is out of range: between 0 and 1000000000, with at most 12 decimals`, { field: 'RATE', value: input.rate });
    }
  } catch (error) {
    if (error instanceof ClefError && error.code === 'CLEF_USAGE_INVALID_ARGUMENT') throw error;
    positive = false;
  }
  if (!positive) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `RATE must be a positive decimal (units of ${to} per ${from}), not ${input.rate}`, { field: 'RATE', value: input.rate });
  await saveFxRate(context.store.db, { from_currency: from, to_currency: to, period: input.period, rate: input.rate });
  return { from, to, period: input.period, rate: input.rate };
}
