import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fixturePath } from '../../test/support/repo-paths.js';
import { isValidDpid, parseDpid } from './dpid.js';

const dsrFolder = fixturePath('dsr');

/** Every DPID in the DSR fixtures: in file names (recipient, sender) and in HEAD lines. */
function fixtureDpids(): Set<string> {
  const found = new Set<string>();
  for (const name of readdirSync(dsrFolder)) {
    for (const id of name.match(/PADPIDA\w{11}/g) ?? []) found.add(id);
    if (!name.endsWith('.tsv')) continue;
    for (const id of readFileSync(`${dsrFolder}/${name}`, 'utf8').match(/PADPIDA\w{11}/g) ?? []) found.add(id);
  }
  return found;
}

test('accepts the sender DPID of the DSR fixture file names', () => {
  assert.deepEqual(parseDpid('PADPIDA2014111801Y'), { ok: true, value: 'PADPIDA2014111801Y' });
});

test('accepts the real DSP and recipient DPIDs in the HEAD lines of the UGC fixtures', () => {
  assert.ok(isValidDpid('PADPIDA2013020802I'));
  assert.ok(isValidDpid('PADPIDA20070627029'));
});

test('refuses the placeholder recipient PADPIDA2014999999Z of the DSRF test files as a check problem only', () => {
  const result = parseDpid('PADPIDA2014999999Z');
  assert.ok(!result.ok);
  assert.equal(result.problem, 'check');
  assert.equal(result.reason, 'check character should be X, found Z');
});

test('finds exactly one DPID in the DSR fixtures that fails the check, the placeholder recipient', () => {
  const ids = [...fixtureDpids()].sort();
  assert.deepEqual(ids, ['PADPIDA20070627029', 'PADPIDA2013020802I', 'PADPIDA2014111801Y', 'PADPIDA2014999999Z']);
  assert.deepEqual(ids.filter((id) => !isValidDpid(id)), ['PADPIDA2014999999Z']);
});

test('rejects a changed digit, so the check character covers the digits', () => {
  const result = parseDpid('PADPIDA2014111802Y');
  assert.ok(!result.ok && result.problem === 'check');
});

test('rejects a wrong prefix or length as a shape problem and normalizes lowercase', () => {
  for (const text of ['PADPIDB2014111801Y', 'PADPIDA201411180Y', 'PADPIDA20141118011Y']) {
    const result = parseDpid(text);
    assert.ok(!result.ok && result.problem === 'shape', text);
    assert.match(result.reason, /expected PADPIDA \+ 10 digits \+ check character/);
  }
  assert.ok(isValidDpid('padpida2014111801y'));
});
