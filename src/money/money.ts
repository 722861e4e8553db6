import { ClefError } from '../errors/clef-error.js';
import type { Currency } from './currency.js';

/** An amount of money: bigint micro-units (6 decimals) in one currency. */
export interface Money {
  readonly micros: bigint;
  readonly currency: Currency;
}

/**
 * The sum of amounts in one currency; an amount in another currency is a
 * `CLEF_MONEY_CURRENCY_MISMATCH` error, since adding them needs an exchange rate first.
 * @example sumMoney([{ micros: 1n, currency: eur }, { micros: 2n, currency: eur }], eur) // { micros: 3n, currency: 'EUR' }
 */
export function sumMoney(amounts: Iterable<Money>, currency: Currency): Money {
  let micros = 0n;
  for (const amount of amounts) {
    if (amount.currency !== currency) {
      throw new ClefError('CLEF_MONEY_CURRENCY_MISMATCH', `cannot add an amount in ${amount.currency} to a total in ${currency}`);
    }
    micros += amount.micros;
  }
  return { micros, currency };
}
