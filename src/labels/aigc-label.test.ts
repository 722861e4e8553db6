import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatAigcJson, parseAigcJson, type AigcLabel } from './aigc-label.js';
import { isClefError } from '../errors/clef-error.js';

const label: AigcLabel = {
  Label: '1', ContentProducer: '音乐生成服务', ProduceID: 'gen-0001', ReservedCode1: 'x',
  ContentPropagator: 'PLAT', PropagateID: 'p-9', ReservedCode2: '',
};

test('round-trips a label through its plain JSON form with the keys in the standard order', () => {
  const text = formatAigcJson(label);
  assert.ok(text.startsWith('{"Label":"1","ContentProducer":'));
  assert.deepEqual(parseAigcJson(text), label);
});

test('reads the wrapped {"AIGC": {...}} form and fills omitted keys with empty strings', () => {
  const parsed = parseAigcJson('{"AIGC":{"Label":"2","ContentProducer":"svc","ProduceID":"42"}}');
  assert.equal(parsed.Label, '2');
  assert.equal(parsed.ProduceID, '42');
  assert.equal(parsed.ReservedCode2, '');
});

test('refuses text that is not JSON, a wrong Label level and a non-string field', () => {
  for (const text of ['not json', '[1]', '{"Label":"4"}', '{"Label":"1","ContentProducer":{"x":1}}']) {
    assert.throws(() => parseAigcJson(text), (e: unknown) => isClefError(e, 'CLEF_LABEL_AIGC_INVALID'), text);
  }
});
