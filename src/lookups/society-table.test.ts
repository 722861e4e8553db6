import { test } from 'node:test';
import assert from 'node:assert/strict';
import { loadLookups } from './load-lookups.js';
import { normalizeSocietyCode } from './society-table.js';

const { societies } = loadLookups();

test('finds a society by its code however CWR writes it: 52, 052, or the 9-digit HDR sender id 000000052', () => {
  for (const code of ['52', '052', '000000052', ' 052 ']) assert.equal(societies.get(normalizeSocietyCode(code))?.name, 'PRS', code);
  assert.equal(normalizeSocietyCode('000'), '000');
  assert.equal(normalizeSocietyCode('1000'), '1000', 'a four-digit code keeps its digits');
  assert.equal(normalizeSocietyCode('SO52'), 'SO52', 'text that is not digits is only trimmed');
});
