import { test } from 'node:test';
import assert from 'node:assert/strict';
import { daysInMonth, isIsoDate, isIsoMonth } from './iso-date.js';

test('accepts the days that exist, leap days included, and nothing else', () => {
  for (const text of ['2024-02-29', '2000-02-29', '2025-12-31', '1999-01-01']) assert.equal(isIsoDate(text), true, text);
  for (const text of ['2023-02-29', '1900-02-29', '2025-04-31', '2025-13-01', '2025-00-10', '2025-01-00', '2024-1-01', '2024-01-01T00:00', ' 2024-01-01', '20240101', '']) {
    assert.equal(isIsoDate(text), false, text);
  }
});

test('accepts the twelve months of a year written YYYY-MM and refuses month 13, month 0 and other shapes', () => {
  for (let month = 1; month <= 12; month++) assert.equal(isIsoMonth(`2025-${String(month).padStart(2, '0')}`), true);
  for (const text of ['2025-13', '2025-00', '2025-1', '2025-01-01', '202501', '2025', 'abcd-ef', '']) assert.equal(isIsoMonth(text), false, text);
});

test('counts the days of every month by the Gregorian leap-year rule, agreeing with the platform calendar', () => {
  for (const year of [1900, 2000, 2023, 2024]) {
    for (let month = 1; month <= 12; month++) assert.equal(daysInMonth(year, month), new Date(Date.UTC(year, month, 0)).getUTCDate(), `${year}-${month}`);
  }
});
