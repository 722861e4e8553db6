import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isClefError } from '../../errors/clef-error.js';
import { cwrSenderFields, parseCwrSender } from './cwr-sender.js';

test('writes an 11-digit IPI name number with its first two digits in Sender Type (CWR 2.1 Rev 8)', () => {
  assert.deepEqual(cwrSenderFields(parseCwrSender('PB:09000000020')), { 'Sender Type': '09', 'Sender ID': '000000020' });
});

test('keeps PB or WR when the IPI name number fits the 9-digit Sender ID', () => {
  assert.deepEqual(cwrSenderFields(parseCwrSender('WR:00000000199')), { 'Sender Type': 'WR', 'Sender ID': '000000199' });
  assert.deepEqual(cwrSenderFields(parseCwrSender('PB:000000297')), { 'Sender Type': 'PB', 'Sender ID': '000000297' });
});

test('writes a society sender as SO with its zero-padded CISAC code', () => {
  assert.deepEqual(cwrSenderFields(parseCwrSender('SO:52')), { 'Sender Type': 'SO', 'Sender ID': '000000052' });
});

test('refuses an IPI name number with wrong check digits and a sender without a known prefix', () => {
  assert.throws(() => cwrSenderFields(parseCwrSender('PB:09000000021')), (e) => isClefError(e, 'CLEF_CWR_WRITE_INVALID'));
  assert.throws(() => parseCwrSender('XX:123'), (e) => isClefError(e, 'CLEF_USAGE_INVALID_ARGUMENT'));
});
