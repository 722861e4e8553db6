import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { AiOrigin, WorkAiFacets } from './ai-provenance.js';
import { aiOrigins } from './ai-provenance.js';
import { deriveAiContentTypes } from './derive-ai-content-types.js';
import { isFullyAiGenerated } from './is-fully-ai-generated.js';

const work = (composition: AiOrigin, lyrics: AiOrigin, arrangement: AiOrigin): WorkAiFacets => ({ composition, lyrics, arrangement });
const derived = (facets: WorkAiFacets) => {
  const d = deriveAiContentTypes(facets);
  return [d.iptcDigitalSourceType, d.ddexContainsAi];
};

test('every applicable facet human gives digitalCreation and ContainsAI None', () => {
  assert.deepEqual(derived(work('human', 'human', 'not_applicable')), ['digitalCreation', 'None']);
  assert.equal(deriveAiContentTypes(work('human', 'human', 'human')).iptcUri, 'http://cv.iptc.org/newscodes/digitalsourcetype/digitalCreation');
});

test('every applicable facet AI-generated gives trainedAlgorithmicMedia and ContainsAI All', () => {
  assert.deepEqual(derived(work('ai_generated', 'not_applicable', 'ai_generated')), ['trainedAlgorithmicMedia', 'All']);
  assert.deepEqual(deriveAiContentTypes({ vocals: 'ai_generated', instrumentation: 'ai_generated', production: 'ai_generated' }).ddexContainsAi, 'All');
});

test('any mix, or any AI-assisted facet, gives compositeWithTrainedAlgorithmicMedia and ContainsAI Partly', () => {
  assert.deepEqual(derived(work('human', 'ai_generated', 'human')), ['compositeWithTrainedAlgorithmicMedia', 'Partly']);
  assert.deepEqual(derived(work('ai_assisted', 'ai_assisted', 'ai_assisted')), ['compositeWithTrainedAlgorithmicMedia', 'Partly']);
  assert.deepEqual(deriveAiContentTypes({ vocals: 'ai_generated', instrumentation: 'human', production: 'not_applicable' }).ddexContainsAi, 'Partly');
});

test('agrees with isFullyAiGenerated on every combination of work facets', () => {
  for (const c of aiOrigins) for (const l of aiOrigins) for (const a of aiOrigins) {
    const facets = work(c, l, a);
    const full = isFullyAiGenerated({ aiProvenance: { facets, tools: [] } });
    assert.equal(full, deriveAiContentTypes(facets).ddexContainsAi === 'All', `${c}/${l}/${a}`);
  }
});

test('a work without AI provenance, or with no applicable facet, is not fully AI-generated', () => {
  assert.equal(isFullyAiGenerated({}), false);
  assert.equal(isFullyAiGenerated({ aiProvenance: { facets: work('not_applicable', 'not_applicable', 'not_applicable'), tools: [] } }), false);
  assert.deepEqual(derived(work('not_applicable', 'not_applicable', 'not_applicable')), ['digitalCreation', 'None']);
});
