import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isClefError } from '../errors/clef-error.js';
import { requireIdentifier } from './identifier-result.js';
import { parseIswc } from './iswc.js';

test('returns the checked value of a valid identifier', () => {
  assert.equal(requireIdentifier(parseIswc('T-034.524.680-1'), 'ISWC', 'T-034.524.680-1'), 'T0345246801');
});

test('throws CLEF_ID_INVALID naming the field, the value and the reason', () => {
  assert.throws(
    () => requireIdentifier(parseIswc('T-034.524.680-2'), 'ISWC', 'T-034.524.680-2'),
    (error: unknown) =>
      isClefError(error, 'CLEF_ID_INVALID') &&
      error.location?.field === 'ISWC' &&
      error.location.value === 'T-034.524.680-2' &&
      error.message.includes('check digit should be 1, found 2'),
  );
});
