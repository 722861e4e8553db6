import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cwrLayoutsFor } from './cwr-layouts-for.js';
import type { CwrVersion } from './cwr-layout.js';

const versions: CwrVersion[] = ['2.1', '2.2', '3.0', '3.1'];

test('every layout of every version covers its record from byte 1 without gaps or overlaps', () => {
  for (const version of versions) {
    for (const [type, fields] of Object.entries(cwrLayoutsFor(version))) {
      let next = 1;
      for (const field of fields) {
        assert.equal(field.start, next, `${version} ${type} ${field.name}`);
        next = field.start + field.size;
      }
    }
  }
});

test('every layout names each field once', () => {
  for (const version of versions) {
    for (const [type, fields] of Object.entries(cwrLayoutsFor(version))) {
      assert.equal(new Set(fields.map((f) => f.name)).size, fields.length, `${version} ${type}`);
    }
  }
});

test('CWR 2.2 starts from 2.1 and changes what the 2.2 spec changed', () => {
  const v21 = cwrLayoutsFor('2.1');
  const v22 = cwrLayoutsFor('2.2');
  assert.equal(v22.NWR, v21.NWR);
  assert.equal(v21.XRF, undefined);
  assert.deepEqual(v22.XRF.map((f) => f.name).slice(3), ['Organisation Code', 'Identifier', 'Identifier Type', 'Validity']);
  assert.deepEqual(v22.HDR.slice(-4).map((f) => [f.name, f.start]), [['Version', 102], ['Revision', 105], ['Software Package', 108], ['Software Package Version', 138]]);
  assert.equal(v22.PWR.at(-1)?.name, 'Publisher Sequence #');
  assert.ok(v22.OPT && !v21.OPT);
});

test('CWR 3.1 widens party numbers to 11 characters and adds MAN', () => {
  const spu30 = cwrLayoutsFor('3.0').SPU.find((f) => f.name === 'Interested Party Number');
  const spu31 = cwrLayoutsFor('3.1').SPU.find((f) => f.name === 'Interested Party Number');
  assert.equal(spu30?.size, 9);
  assert.equal(spu31?.size, 11);
  assert.ok(cwrLayoutsFor('3.1').MAN);
  assert.equal(cwrLayoutsFor('3.0').MAN, undefined);
  assert.ok(cwrLayoutsFor('3.1').ISR, '3.1 keeps the 3.0 ISR layout it does not change');
});
