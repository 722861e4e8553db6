import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isClefError } from '../../errors/clef-error.js';
import { cwrFileName } from './cwr-file-name.js';
import { detectCwrVersion } from './cwr-version.js';

test('names files CWyynnnnsss_rrr.V21 like the DMP fixtures', () => {
  assert.equal(cwrFileName({ year: 2022, sequence: 1, sender: 'DMP', receiver: '000', version: '2.1' }), 'CW220001DMP_000.V21');
  assert.equal(cwrFileName({ year: 2024, sequence: 123, sender: 'AB', receiver: '52', version: '2.2' }), 'CW240123AB_052.V22');
});

test('refuses a sequence outside 1..9999 and a sender code that is not 2 or 3 characters', () => {
  assert.throws(() => cwrFileName({ year: 2024, sequence: 10000, sender: 'DMP', receiver: '000', version: '2.1' }), (e) => isClefError(e, 'CLEF_CWR_WRITE_INVALID'));
  assert.throws(() => cwrFileName({ year: 2024, sequence: 1, sender: 'DMPX', receiver: '000', version: '2.1' }), (e) => isClefError(e, 'CLEF_CWR_WRITE_INVALID'));
});

test('tells the version from the HDR first and the file name second', () => {
  const hdr21 = 'HDR09000000020TEST PUBLISHER                               01.102021012213565420210123               ';
  assert.equal(detectCwrVersion(hdr21, 'CW220001DMP_000.V21'), '2.1');
  assert.equal(detectCwrVersion(`${hdr21}2.2002CLEF`, 'X.V21'), '2.2');
  assert.equal(detectCwrVersion(hdr21, 'CW220001DMP_000.V22'), '2.2');
  const hdr30 = 'HDRPBDMP TEST PUBLISHER                                          2020012214074420200122               3.0000';
  assert.equal(detectCwrVersion(hdr30, 'whatever'), '3.0');
  assert.equal(detectCwrVersion(undefined, 'CW240003DMP_0000_V3-1-0.SUB'), '3.1');
});
