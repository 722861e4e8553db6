import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { errorCodes } from './error-codes.js';

const doc = readFileSync(new URL('../../docs/errors.md', import.meta.url), 'utf8');
const documented = new Map(
  [...doc.matchAll(/^\| (CLEF_[A-Z0-9_]+) \| (\d+) \| (\d+) \|/gm)].map((m) => [m[1], { status: Number(m[2]), exit: Number(m[3]) }]),
);

test('every error code is documented in docs/errors.md with its HTTP status and exit code', () => {
  for (const [code, entry] of Object.entries(errorCodes)) {
    assert.deepEqual(documented.get(code), { status: entry.status, exit: entry.exit }, code);
  }
});

test('every documented error code exists in the code map', () => {
  for (const code of documented.keys()) assert.ok(code in errorCodes, code);
});
