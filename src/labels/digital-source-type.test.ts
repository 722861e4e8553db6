import { test } from 'node:test';
import assert from 'node:assert/strict';
import { digitalSourceTypeUri, isAiSourceType, parseDigitalSourceType } from './digital-source-type.js';

test('reads short names, http and https URIs of the IPTC vocabulary', () => {
  assert.equal(parseDigitalSourceType('trainedAlgorithmicMedia'), 'trainedAlgorithmicMedia');
  assert.equal(parseDigitalSourceType('https://cv.iptc.org/newscodes/digitalsourcetype/compositeWithTrainedAlgorithmicMedia'), 'compositeWithTrainedAlgorithmicMedia');
  assert.equal(parseDigitalSourceType('http://c2pa.org/digitalsourcetype/trainedAlgorithmicData'), 'trainedAlgorithmicData');
});

test('refuses a term that is not in the vocabulary', () => {
  assert.equal(parseDigitalSourceType('aiGenerated'), undefined);
  assert.equal(parseDigitalSourceType('http://example.org/digitalsourcetype/trainedAlgorithmicMedia'), undefined);
});

test('writes full URIs that read back to the same term', () => {
  const uri = digitalSourceTypeUri('digitalCreation');
  assert.equal(uri, 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCreation');
  assert.equal(parseDigitalSourceType(uri), 'digitalCreation');
  assert.equal(isAiSourceType('digitalCreation'), false);
  assert.equal(isAiSourceType('compositeWithTrainedAlgorithmicMedia'), true);
});
