import { intlTag, type Locale } from './message-catalogue.js';

/**
 * An exact decimal amount (`"1234.567891"`) formatted for a locale with its currency, e.g. `CN¥1,234.57` or
 * `¥1,234.57`. Intl takes the decimal string as it is, so no float ever holds the amount.
 */
export function formatMoney(amount: string, currency: string, locale: Locale): string {
  return new Intl.NumberFormat(intlTag[locale], { style: 'currency', currency }).format(amount as unknown as number);
}

/** A ratio from 0 to 1 as a locale's percentage with one decimal. */
export function formatRatio(ratio: number, locale: Locale): string {
  return new Intl.NumberFormat(intlTag[locale], { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(ratio);
}

/** A percentage given as decimal text (`"33.33"`) in a locale's way. */
export function formatPercentText(percent: string, locale: Locale): string {
  return new Intl.NumberFormat(intlTag[locale], { style: 'percent', minimumFractionDigits: 2, maximumFractionDigits: 2 }).format(Number(percent) / 100);
}

/** An ISO instant or date as a locale's medium date. */
export function formatDate(iso: string, locale: Locale): string {
  const date = new Date(iso.length === 10 ? `${iso}T00:00:00Z` : iso);
  return Number.isNaN(date.getTime()) ? iso : new Intl.DateTimeFormat(intlTag[locale], { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

/** A whole number in a locale's grouping. */
export function formatCount(value: string | number | bigint, locale: Locale): string {
  return new Intl.NumberFormat(intlTag[locale]).format(String(value) as unknown as number);
}
