import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { writeManifest } from '../ai/ai-setup.js';
import { multipartBody } from './multipart-body.js';
import { bearer, setUpPortal, type PortalFixture } from './portal-fixture.js';

const manifest = () => readFileSync(writeManifest(tempDir()), 'utf8');
const attribution = (weight: string) => JSON.stringify({ period: '2026-01', total: '1', weights: [{ isrc: 'CNA1M2600001', weight }, { work_id: 'W00000002', weight: '0.25' }] });

describeEachEngine('API access control: the AI part', (open) => {
  let f: PortalFixture;
  let declarationId = '';
  before(async () => {
    f = await setUpPortal(await open());
  });
  after(async () => f?.app.close());

  const get = (url: string, token?: string) => f.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });
  const post = (url: string, token: string, payload: object) => f.app.inject({ method: 'POST', url, headers: bearer(token), payload });
  const upload = (url: string, token: string, files: { name: string; content: string; field: string }[], fields: Record<string, string> = {}) => {
    const body = multipartBody(files, 'file', fields);
    return f.app.inject({ method: 'POST', url, headers: { ...body.headers, ...bearer(token) }, payload: body.payload });
  };

  test('anonymous callers read the reservation policy (TDMRep, its ODRL offer, aipref) and get 401 on every other AI route', async () => {
    const tdmrep = await get('/.well-known/tdmrep.json');
    assert.equal(tdmrep.statusCode, 200);
    const rules = tdmrep.json() as { location: string; 'tdm-reservation': number; 'tdm-policy'?: string }[];
    const harbour = rules.find((r) => r.location.endsWith('/works/W00000004'));
    assert.equal(harbour?.['tdm-reservation'], 1, 'Harbour Lights is reserved against AI training');
    assert.equal(harbour?.['tdm-policy'], '/.well-known/tdm-policy.json', 'site-relative: never an origin from the Host header');
    const spoofed = await f.app.inject({ url: '/.well-known/tdmrep.json', headers: { host: 'evil.example' } });
    assert.doesNotMatch(spoofed.body, /evil\.example/);
    const policy = await get('/.well-known/tdm-policy.json');
    assert.match(policy.body, /"profile": "http:\/\/www\.w3\.org\/ns\/tdmrep"/);
    const robots = await get('/robots.txt');
    assert.match(robots.body, /User-Agent: \*/);
    assert.match(robots.body, /Content-Usage: \/works\/W00000004 train-ai=n/);
    const api = (await get('/api/ai/policy?format=aipref')).json();
    assert.deepEqual(api.files.map((file: { path: string }) => file.path), ['robots.txt', 'content-usage-headers.txt']);
    assert.equal(api.files[0].text, robots.body);
    for (const url of ['/api/ai/licensees', '/api/ai/licences', `/api/ai/licences/${f.licences.melodia}`, `/api/ai/licences/${f.licences.melodia}/declarations`, '/api/ai/declarations/DCL00000001/audit', '/api/ai/reservations']) {
      const response = await get(url);
      assert.equal(response.statusCode, 401, url);
      assert.equal(response.json().code, 'CLEF_AUTH_REQUIRED', url);
    }
    assert.equal((await f.app.inject({ method: 'POST', url: '/api/ai/runs', payload: { licence: f.licences.melodia, period: '2026-01' } })).statusCode, 401);
  });

  test('a licensee sees only its own licences, uploads a declaration and reads its audit; another licensee is refused (403)', async () => {
    const licences = await get('/api/ai/licences', f.tokens.licensee);
    assert.equal(licences.statusCode, 200);
    assert.deepEqual(licences.json().map((l: { licence_id: string }) => l.licence_id), [f.licences.melodia]);
    assert.equal((await get(`/api/ai/licences/${f.licences.other}`, f.tokens.licensee)).statusCode, 403);
    assert.equal((await get(`/api/ai/licences?licensee=LSE00000002`, f.tokens.licensee)).statusCode, 403);
    const refused = await upload(`/api/ai/licences/${f.licences.other}/declarations`, f.tokens.licensee, [{ name: 'manifest.csv', content: manifest(), field: 'manifest' }]);
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().code, 'CLEF_AUTH_FORBIDDEN');

    const declared = await upload(`/api/ai/licences/${f.licences.melodia}/declarations`, f.tokens.licensee, [{ name: 'manifest.csv', content: manifest(), field: 'manifest' }], { trained_on: '2026-02-01' });
    assert.equal(declared.statusCode, 201, declared.body);
    assert.deepEqual([declared.json().entries, declared.json().identified, declared.json().model, declared.json().duplicate], [5, 4, 'Melodia 2.0', false]);
    declarationId = declared.json().declaration_id;
    const listed = await get(`/api/ai/licences/${f.licences.melodia}/declarations`, f.tokens.licensee);
    assert.deepEqual(listed.json().map((d: { declaration_id: string; actor: string }) => [d.declaration_id, d.actor]), [[declarationId, 'aidev']]);

    const audit = await get(`/api/ai/declarations/${declarationId}/audit`, f.tokens.licensee);
    assert.equal(audit.statusCode, 200);
    assert.deepEqual(Object.keys(audit.json()), ['licensed', 'violation', 'unlicensed', 'unidentified']);
    assert.deepEqual(audit.json().violation.map((e: { work_id: string }) => e.work_id), ['W00000004']);
    assert.equal(audit.json().licensed.length, 3);
    const html = await get(`/api/ai/declarations/${declarationId}/audit?format=html`, f.tokens.licensee);
    assert.equal(html.headers['content-type'], 'text/html; charset=utf-8');
    assert.match(html.body, /<th>violation<\/th><td>1<\/td>/);
    for (const url of [`/api/ai/declarations/${declarationId}/audit`, `/api/ai/declarations/${declarationId}/audit?format=html`, `/api/ai/licences/${f.licences.melodia}/declarations`]) {
      const other = await get(url, f.tokens.otherLicensee);
      assert.equal(other.statusCode, 403, url);
      assert.equal(other.json().code, 'CLEF_AUTH_FORBIDDEN');
    }
    for (const token of [f.tokens.liWei, f.tokens.dsp]) assert.equal((await get(`/api/ai/declarations/${declarationId}/audit`, token)).statusCode, 403);
  });

  test('a malformed manifest is refused with its file, line and field, never the server\'s upload folder; a summary alone is no manifest', async () => {
    const summaryOnly = await upload(`/api/ai/licences/${f.licences.melodia}/declarations`, f.tokens.licensee, [{ name: 'summary.json', content: '{}', field: 'summary' }]);
    assert.equal(summaryOnly.statusCode, 400);
    assert.equal(summaryOnly.json().field, 'manifest');
    const bad = await upload(`/api/ai/licences/${f.licences.melodia}/declarations`, f.tokens.licensee, [{ name: 'broken.csv', content: 'isrc,duration_used_s\nCNA1M2600001,long\n', field: 'manifest' }]);
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().code, 'CLEF_AI_MANIFEST_INVALID');
    assert.equal(bad.json().location.file, 'broken.csv');
    assert.equal(bad.json().location.line, 2);
    assert.doesNotMatch(bad.body, /clef-uploads/);
    const badSummary = await upload(`/api/ai/licences/${f.licences.melodia}/declarations`, f.tokens.licensee, [
      { name: 'other-manifest.csv', content: 'isrc\nCNA1M2600001\n', field: 'manifest' }, { name: 'summary.json', content: '{"general_information": {}}', field: 'summary' },
    ]);
    assert.equal(badSummary.statusCode, 422);
    assert.equal(badSummary.json().code, 'CLEF_AI_SUMMARY_INVALID');
    assert.equal(badSummary.json().location.file, 'summary.json');
    assert.doesNotMatch(badSummary.body, /clef-uploads/);
    const declarations = (await get(`/api/ai/licences/${f.licences.melodia}/declarations`, f.tokens.licensee)).json();
    assert.equal(declarations.length, 1, 'nothing recorded from refused uploads');
    const summary = { general_information: { provider: 'Melodia AI Ltd', model_name: 'Melodia', model_version: '2.0', modalities: ['audio'], training_date: '2026-02-01' }, list_of_data_sources: {}, data_processing: { tdm_opt_out_compliance: 'honoured' } };
    const sameNames = await upload(`/api/ai/licences/${f.licences.melodia}/declarations`, f.tokens.licensee, [
      { name: 'data.json', content: JSON.stringify([{ isrc: 'CNA1M2600001', duration_used_s: '60' }]), field: 'manifest' }, { name: 'data.json', content: JSON.stringify(summary), field: 'summary' },
    ]);
    assert.equal(sameNames.statusCode, 201, `a manifest and a summary of the same file name do not overwrite each other: ${sameNames.body}`);
    assert.deepEqual([sameNames.json().entries, sameNames.json().identified, sameNames.json().training_date], [1, 1, '2026-02-01']);
  });

  test('a licensee reports revenue with an attribution file for its own licence only; a bad attribution is a located 422', async () => {
    const wrong = await upload(`/api/ai/licences/${f.licences.melodia}/revenue`, f.tokens.licensee, [{ name: 'attribution.json', content: attribution('0.5'), field: 'attribution' }], { period: '2026-01', net: '20000' });
    assert.equal(wrong.statusCode, 422);
    assert.equal(wrong.json().code, 'CLEF_AI_ATTRIBUTION_INVALID');
    assert.equal(wrong.json().location.file, 'attribution.json');
    const other = await upload(`/api/ai/licences/${f.licences.other}/revenue`, f.tokens.licensee, [], { period: '2026-01', net: '1' });
    assert.equal(other.statusCode, 403);
    const made = await upload(`/api/ai/licences/${f.licences.melodia}/revenue`, f.tokens.licensee, [{ name: 'attribution.json', content: attribution('0.75'), field: 'attribution' }], { period: '2026-01', net: '20000', output_revenue: '3000' });
    assert.equal(made.statusCode, 201, made.body);
    assert.deepEqual([made.json().net_revenue_micros, made.json().output_revenue_micros], ['20000000000', '3000000000']);
    assert.deepEqual(made.json().attribution.map((a: { work_id: string }) => a.work_id), ['W00000001', 'W00000002']);
  });

  test('only staff add licensees and licences and run AI distributions; the AI escrow shows in the reserves and AI income in statements', async () => {
    for (const token of [f.tokens.licensee, f.tokens.liWei, f.tokens.dsp]) {
      assert.equal((await post('/api/ai/runs', token, { licence: f.licences.melodia, period: '2026-01' })).statusCode, 403);
      assert.equal((await post('/api/ai/licensees', token, { name: 'X', country: 'fr' })).statusCode, 403);
      assert.equal((await get('/api/ai/licensees', token)).statusCode, 403);
    }
    const licensee = await post('/api/ai/licensees', f.tokens.admin, { name: 'Sonata Labs', country: 'fr' });
    assert.equal(licensee.statusCode, 201);
    const licence = await post('/api/ai/licences', f.tokens.admin, { licensee: licensee.json().licensee_id, model: 'Sonata', model_version: '3', from: '2026-01-01', to: '2026-06-30', scope: 'not-reserved', training_fee: '100' });
    assert.equal(licence.statusCode, 201, licence.body);
    assert.equal(licence.json().training_fee_micros, '100000000');
    const invalid = await post('/api/ai/licences', f.tokens.admin, { licensee: licensee.json().licensee_id, model: 'Sonata', model_version: '3', from: '2026-01-01', to: '2026-06-30', scope: 'everything' });
    assert.equal(invalid.statusCode, 422);
    assert.equal(invalid.json().code, 'CLEF_AI_LICENCE_INVALID');

    const run = await post('/api/ai/runs', f.tokens.admin, { licence: f.licences.melodia, period: '2026-01' });
    assert.equal(run.statusCode, 201, run.body);
    assert.deepEqual(run.json().pools, { training_fee: '10000000000', revenue_share: '6000000000', output_use: '300000000' });
    assert.deepEqual(run.json().enforcement.map((e: { work_id: string }) => e.work_id), ['W00000004']);
    const again = await post('/api/ai/runs', f.tokens.admin, { licence: f.licences.melodia, period: '2026-01' });
    assert.equal(again.json().code, 'CLEF_AI_ALREADY_DISTRIBUTED');
    const reserves = (await get('/api/reserves', f.tokens.admin)).json() as { reserve: string; claimable_micros: string }[];
    assert.ok(reserves.some((r) => r.reserve === 'ai_escrow' && BigInt(r.claimable_micros) > 0n), 'Wang Fang\'s share waits in the AI escrow');
    const statement = await get(`/api/runs/${run.json().run_id}/statements/${f.parties.liWei}`, f.tokens.liWei);
    assert.equal(statement.statusCode, 200);
    assert.equal(statement.json().run.kind, 'ai');
    assert.ok(statement.json().lines.every((l: { source: { commercial_model: string } }) => l.source.commercial_model === 'AiTraining'));
  });

  test('a member lists and sets reservations for its own works and party only; staff may reserve the repertoire', async () => {
    const own = await post('/api/ai/reservations', f.tokens.liWei, { work: 'W00000001', use: 'ai_generative_training', status: 'notAllowed', from: '2026-03-01' });
    assert.equal(own.statusCode, 201, own.body);
    assert.equal(own.json().actor, 'liwei');
    const party = await post('/api/ai/reservations', f.tokens.liWei, { party: '00012345036', use: 'data_mining', status: 'allowed', from: '2026-03-01' });
    assert.equal(party.statusCode, 201, party.body);
    for (const subject of [{ work: 'W00000002' }, { party: '00012345722' }, { repertoire: true }, { recording: 'CNA1M2600002' }]) {
      const refused = await post('/api/ai/reservations', f.tokens.liWei, { ...subject, use: 'ai_training', status: 'notAllowed', from: '2026-03-01' });
      assert.equal(refused.statusCode, 403, JSON.stringify(subject));
      assert.equal(refused.json().code, 'CLEF_AUTH_FORBIDDEN');
    }
    const invalid = await post('/api/ai/reservations', f.tokens.liWei, { work: 'W00000001', use: 'singing', status: 'notAllowed', from: '2026-03-01' });
    assert.equal(invalid.json().code, 'CLEF_AI_RESERVATION_INVALID');
    const mine = (await get('/api/ai/reservations', f.tokens.liWei)).json() as { reservation_id: string }[];
    assert.deepEqual(mine.map((r) => r.reservation_id), [own.json().reservation_id, party.json().reservation_id], 'Harbour Lights\' reservation is not Li Wei\'s');
    assert.equal((await get('/api/ai/reservations', f.tokens.licensee)).statusCode, 403);
    const repertoire = await post('/api/ai/reservations', f.tokens.admin, { repertoire: true, use: 'ai_training', status: 'notAllowed', from: '2026-04-01' });
    assert.equal(repertoire.statusCode, 201);
    assert.equal((await get('/api/ai/reservations', f.tokens.admin)).json().length, 4);
  });
});
