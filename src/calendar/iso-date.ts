/** Days in a month of the proleptic Gregorian calendar (`month` 1 to 12). */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** True when year, month and day name a day that exists (`2024, 2, 29` does, `2023, 2, 29` does not). */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && month >= 1 && month <= 12 && Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

const isoDatePattern = /^(\d{4})-(\d{2})-(\d{2})$/;
const isoMonthPattern = /^\d{4}-(0[1-9]|1[0-2])$/;

/**
 * True for a day that exists, written `YYYY-MM-DD`: the one check behind every date Clef takes from a user or a file.
 * @example isIsoDate('2024-02-29') // true; isIsoDate('2023-02-29') // false
 */
export function isIsoDate(text: string): boolean {
  const match = isoDatePattern.exec(text);
  return match !== null && isCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
}

/**
 * True for a month written `YYYY-MM` (01 to 12): the periods of distributions, exchange rates and generated reports.
 * @example isIsoMonth('2025-12') // true; isIsoMonth('2025-13') // false
 */
export function isIsoMonth(text: string): boolean {
  return isoMonthPattern.test(text);
}
