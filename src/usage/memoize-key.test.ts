import assert from 'node:assert/strict';
import { test } from 'node:test';
import { artistKey, nameKey } from '../registry/match-key.js';
import { memoizeKey } from './memoize-key.js';

test('gives the same keys as the function it wraps, asked once or many times', () => {
  const names = ['Beyoncé feat. Jay-Z', 'BEYONCE', 'The Beatles', 'Beatles, The', 'Beyoncé feat. Jay-Z', 'Sigur Rós'];
  const cached = memoizeKey(artistKey);
  for (const name of [...names, ...names]) assert.equal(cached(name), artistKey(name));
});

test('calls the wrapped function once per distinct text until the cache is full, then starts over', () => {
  const calls: string[] = [];
  const cached = memoizeKey((text) => {
    calls.push(text);
    return nameKey(text);
  }, 2);
  for (const name of ['Ana Martin', 'Ana Martin', 'Noah Haddad', 'Ana Martin']) cached(name);
  assert.deepEqual(calls, ['Ana Martin', 'Noah Haddad']);
  cached('Yuki Rossi');
  cached('Ana Martin');
  assert.deepEqual(calls, ['Ana Martin', 'Noah Haddad', 'Yuki Rossi', 'Ana Martin']);
});
