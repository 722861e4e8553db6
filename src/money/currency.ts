import { ClefError } from '../errors/clef-error.js';

/** An ISO 4217 alphabetic currency code in use (`EUR`, `USD`, `JPY`). */
export type Currency = string & { readonly __brand: 'Currency' };

/** The codes the runtime's ICU/CLDR data lists as current ISO 4217 currencies (withdrawn ones like `DEM` are not). */
const currentCodes = new Set(Intl.supportedValuesOf('currency'));

/** True when the text is a current ISO 4217 code, written in capitals. */
export function isCurrency(text: string): text is Currency {
  return currentCodes.has(text);
}

/**
 * A currency code from text (trimmed, uppercased); an unknown code is a `CLEF_MONEY_CURRENCY_INVALID` error.
 * @example parseCurrency(' usd ') === 'USD'
 */
export function parseCurrency(text: string): Currency {
  const code = text.trim().toUpperCase();
  if (!isCurrency(code)) {
    throw new ClefError('CLEF_MONEY_CURRENCY_INVALID', `${JSON.stringify(text)} is not a current ISO 4217 currency code`, { value: text });
  }
  return code;
}
