import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { formatOggPage, oggCrc, oggPackets, parseOggPages } from './ogg-pages.js';
import { oggCarrier } from './ogg-carrier.js';
import { isClefError } from '../errors/clef-error.js';

const ogg = new Uint8Array(readFileSync(new URL('./testing/audio/tone.ogg', import.meta.url)));
const malformed = (e: unknown): boolean => isClefError(e, 'CLEF_LABEL_FILE_MALFORMED');

test('computes the Ogg CRC-32 (CRC-32/CKSUM without the final inversion) of the check string', () => {
  assert.equal(oggCrc(new TextEncoder().encode('123456789')), 0x89a1897f);
});

test('re-serializes every page of an oggenc file byte for byte', () => {
  const pages = parseOggPages(ogg);
  assert.ok(pages.length >= 3);
  for (const page of pages) assert.deepEqual(formatOggPage(page), ogg.subarray(page.offset, page.offset + page.length));
  const packets = [...oggPackets(pages)].map((p) => p.packet);
  assert.equal(String.fromCharCode(...packets[0].subarray(1, 7)), 'vorbis');
  assert.equal(packets[1][0], 3);
  assert.equal(packets[2][0], 5);
});

test('re-pages the headers when a long label makes the comment packet span pages', () => {
  const long = JSON.stringify({ Label: '1', ContentProducer: 'x'.repeat(70000), ProduceID: '1' });
  const labelled = oggCarrier.writeAigc(ogg, long);
  assert.equal(oggCarrier.readAigc(labelled), long);
  const pages = parseOggPages(labelled);
  assert.deepEqual(pages.map((p) => p.sequence), pages.map((_p, i) => i));
  assert.equal(oggCarrier.audioPayloadDigest(labelled), oggCarrier.audioPayloadDigest(ogg));
});

test('refuses a truncated page, a wrong CRC and a segment table past the end', () => {
  assert.throws(() => parseOggPages(ogg.subarray(0, ogg.length - 10)), malformed);
  const badCrc = ogg.slice();
  badCrc[40] ^= 1;
  assert.throws(() => parseOggPages(badCrc), /CRC mismatch/);
  assert.throws(() => parseOggPages(ogg.subarray(0, 27)), /truncated segment table/);
  assert.throws(() => parseOggPages(new TextEncoder().encode('OggX'.padEnd(40, '\0'))), /capture pattern/);
});
