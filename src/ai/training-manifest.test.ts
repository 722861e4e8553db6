import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isClefError } from '../errors/index.js';
import { parseAttributionReport } from './attribution-report.js';
import { parseTrainingContentSummary } from './training-content-summary.js';
import { parseTrainingManifest } from './training-manifest.js';

test('a CSV manifest is read with its lines, identifiers normalized and durations in milliseconds', () => {
  const manifest = parseTrainingManifest('isrc,iswc,title,artist,file_digest,duration_used_s\nCN-A1M-26-00001,,River of Stars,Li Wei,sha256:' + 'A'.repeat(64) + ',225.5\n\n,T-345.246.813-8,,,,\n', 'm.csv');
  assert.deepEqual(manifest.entries.map((e) => [e.line, e.isrc, e.iswc, e.durationUsedMs, e.fileDigest]), [
    [2, 'CNA1M2600001', null, 225_500n, 'a'.repeat(64)],
    [4, null, 'T3452468138', null, null],
  ]);
});

test('a JSON manifest states its model and training date', () => {
  const manifest = parseTrainingManifest(JSON.stringify({ model: { name: 'Melodia', version: '2.0' }, training_date: '2026-02-01', entries: [{ title: 'Song', artist: 'Someone', duration_used_s: 30 }] }), 'm.json');
  assert.deepEqual([manifest.modelName, manifest.modelVersion, manifest.trainingDate, manifest.entries[0].durationUsedMs], ['Melodia', '2.0', '2026-02-01', 30_000n]);
});

test('a malformed manifest is refused with the file, line and field of its first problem and every problem listed', () => {
  const bad = 'isrc,title,duration_used_s\nNOT-AN-ISRC,Song,10\n,Other,-3\n,,\n';
  assert.throws(() => parseTrainingManifest(bad, 'bad.csv'), (error: unknown) => {
    assert.ok(isClefError(error, 'CLEF_AI_MANIFEST_INVALID'));
    assert.deepEqual([error.location?.file, error.location?.line, error.location?.field], ['bad.csv', 2, 'isrc']);
    assert.match(error.message, /and 2 more problem/);
    assert.equal((error.details as unknown[]).length, 3);
    return true;
  });
  assert.throws(() => parseTrainingManifest('song,weight\nx,1\n', 'h.csv'), (e: unknown) => isClefError(e, 'CLEF_AI_MANIFEST_INVALID') && e.location?.line === 1);
  assert.throws(() => parseTrainingManifest('{"entries": [{"isrc": 5}], "training_date": "soon"}', 'm.json'), (e: unknown) => isClefError(e, 'CLEF_AI_MANIFEST_INVALID') && e.location?.field === 'isrc');
  assert.throws(() => parseTrainingManifest('{"entries": ', 'm.json'), (e: unknown) => isClefError(e, 'CLEF_AI_MANIFEST_INVALID'));
});

const summary = {
  general_information: { provider: 'Melodia AI Ltd', model_name: 'Melodia', model_version: '2.0', modalities: ['audio'], content_types: ['music'] },
  list_of_data_sources: { public_datasets: ['FMA'], licensed_data: ['Demo CMO repertoire'], crawled_domains: [] },
  data_processing: { tdm_opt_out_compliance: 'TDMRep and robots.txt honoured at crawl time' },
};

test('a training-content summary needs the template\'s three sections, the model and how opt-outs were respected', () => {
  assert.equal(parseTrainingContentSummary(JSON.stringify(summary), 's.json').general_information.model_version, '2.0');
  const missing = { ...summary, data_processing: {} };
  assert.throws(() => parseTrainingContentSummary(JSON.stringify(missing), 's.json'), (e: unknown) => isClefError(e, 'CLEF_AI_SUMMARY_INVALID') && e.location?.field === 'data_processing.tdm_opt_out_compliance');
  const { list_of_data_sources: _dropped, ...twoSections } = summary;
  assert.throws(() => parseTrainingContentSummary(JSON.stringify(twoSections), 's.json'), (e: unknown) => isClefError(e, 'CLEF_AI_SUMMARY_INVALID') && e.location?.field === 'list_of_data_sources');
});

test('attribution weights must add up to the declared total exactly, for the month reported', () => {
  const report = parseAttributionReport(JSON.stringify({ period: '2026-01', total: '1', weights: [{ work_id: 'W1', weight: '0.6' }, { iswc: 'T-345.246.813-8', weight: 0.4 }] }), 'a.json', '2026-01');
  assert.deepEqual(report.weights.map((w) => [w.workId, w.iswc, w.weightMicros]), [['W1', null, 600_000n], [null, 'T3452468138', 400_000n]]);
  assert.throws(() => parseAttributionReport(JSON.stringify({ period: '2026-01', total: '1', weights: [{ work_id: 'W1', weight: '0.6' }, { work_id: 'W2', weight: '0.3' }] }), 'a.json', '2026-01'),
    (e: unknown) => isClefError(e, 'CLEF_AI_ATTRIBUTION_INVALID') && e.location?.field === 'total' && /900000 millionths, not the declared total 1000000/.test(e.message));
  assert.throws(() => parseAttributionReport(JSON.stringify({ period: '2026-02', total: '1', weights: [{ work_id: 'W1', weight: '1' }] }), 'a.json', '2026-01'), (e: unknown) => isClefError(e, 'CLEF_AI_ATTRIBUTION_INVALID') && e.location?.field === 'period');
  assert.throws(() => parseAttributionReport(JSON.stringify({ period: '2026-01', total: '1', weights: [{ weight: '1' }] }), 'a.json', '2026-01'), (e: unknown) => isClefError(e, 'CLEF_AI_ATTRIBUTION_INVALID') && e.location?.field === 'weights[0]');
});
