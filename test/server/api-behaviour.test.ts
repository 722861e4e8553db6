import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { buildServer } from '../../src/server/build-server.js';
import { basicAudioReport } from '../distribution/basic-audio-report.js';
import { januaryReport } from '../distribution/distribution-setup.js';
import { describeEachEngine, test } from '../support/engines.js';
import { multipartBody } from './multipart-body.js';
import { bearer, setUpPortal, type PortalFixture } from './portal-fixture.js';

describeEachEngine('API documents, problems, uploads and limits', (open) => {
  let f: PortalFixture;
  let limited: FastifyInstance;
  before(async () => {
    const store = await open();
    f = await setUpPortal(store);
    limited = await buildServer({ store, rateLimit: 3, bodyLimit: 2000, fileLimit: 4000 });
  });
  after(async () => {
    await f?.app.close();
    await limited?.close();
  });

  test('the OpenAPI 3 document lists every part\'s routes with bearer security, and the docs page is served', async () => {
    const doc = (await f.app.inject({ url: '/openapi.json' })).json();
    assert.match(doc.openapi, /^3\./);
    for (const path of ['/api/works/search', '/api/works/{work}', '/api/runs', '/api/runs/{run}/statements/{payee}', '/api/usage/reports', '/api/usage/unmatched', '/api/claims', '/api/labels/verify', '/api/users', '/api/ai/licences/{licence}/declarations', '/api/ai/declarations/{declaration}/audit', '/api/ai/runs', '/api/ai/reservations', '/api/ai/policy']) {
      assert.ok(doc.paths[path], path);
    }
    assert.equal(doc.components.securitySchemes.bearer.scheme, 'bearer');
    assert.match(doc.paths['/api/ai/licences/{licence}/declarations'].post.summary, /^import-declaration:/, 'one name per use case across CLI, API and web');
    assert.deepEqual(doc.paths['/api/ai/policy'].get.security, [], 'the reservation policy is public');
    assert.ok(doc.paths['/api/works/search'].get.parameters.some((p: { name: string }) => p.name === 'q'));
    const docs = await f.app.inject({ url: '/docs/' });
    assert.equal(docs.statusCode, 200);
    assert.match(docs.body, /swagger/i);
  });

  test('a request that does not fit its schema gets a problem naming the failing field', async () => {
    const response = await f.app.inject({ url: '/api/works/search' });
    assert.equal(response.statusCode, 400);
    const problem = response.json();
    assert.equal(problem.code, 'CLEF_SERVER_REQUEST_INVALID');
    assert.equal(problem.field, 'querystring.q');
    assert.equal(problem.type, 'urn:clef:error:CLEF_SERVER_REQUEST_INVALID');
    const badPeriod = await f.app.inject({ method: 'POST', url: '/api/runs', headers: bearer(f.tokens.admin), payload: { period: '2025-1' } });
    assert.equal(badPeriod.json().field, 'body.period');
    const unknownWork = await f.app.inject({ url: '/api/works/W99999999' });
    assert.equal(unknownWork.statusCode, 404);
    assert.equal(unknownWork.json().code, 'CLEF_NOT_FOUND');
  });

  test('a DSP uploads its own report over the API and sees it; another DSP\'s file is refused before anything is staged', async () => {
    const report = basicAudioReport({ ...januaryReport(), month: '2025-02', serial: 2 });
    const upload = multipartBody([{ name: report.name, content: report.text }]);
    const refused = await f.app.inject({ method: 'POST', url: '/api/usage/reports', headers: { ...upload.headers, ...bearer(f.tokens.otherDsp) }, payload: upload.payload });
    assert.equal(refused.statusCode, 403);
    assert.equal(refused.json().field, 'Sender');
    const staged = await f.app.inject({ method: 'POST', url: '/api/usage/reports', headers: { ...upload.headers, ...bearer(f.tokens.dsp) }, payload: upload.payload });
    assert.equal(staged.statusCode, 201, staged.body);
    assert.equal(staged.json()[0].outcome, 'staged');
    assert.equal(staged.json()[0].file, report.name);
    const reports = (await f.app.inject({ url: '/api/usage/reports', headers: bearer(f.tokens.dsp) })).json();
    assert.equal(reports.length, 2);
  });

  test('a statement CSV from the API has a byte order mark, readable names and a separate totals section', async () => {
    const csv = await f.app.inject({ url: `/api/runs/${f.runId}/statements/${f.parties.liWei}?format=csv`, headers: bearer(f.tokens.liWei) });
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-type']), /^text\/csv/);
    assert.ok(csv.body.startsWith('\uFEFFline_id,work_id,iswc,title,right,share_percent,dsp,dsp_name'));
    assert.match(csv.body, /,River of Stars,PR,[0-9.]+,PADPIDA2011072101T,Streamwave,/);
    assert.match(csv.body, /\r\n\r\ntotals,key,label,usages,amount,currency,amount_micros\r\nstatement,/);
  });

  test('bodies over the limit get 413 and too many requests 429, as problems', async () => {
    const big = await limited.inject({ method: 'POST', url: '/api/users', headers: { ...bearer(f.tokens.admin), 'content-type': 'application/json' }, payload: JSON.stringify({ name: 'x'.repeat(3000), role: 'admin' }) });
    assert.equal(big.statusCode, 413);
    assert.equal(big.json().code, 'CLEF_SERVER_BODY_TOO_LARGE');
    const upload = multipartBody([{ name: 'DSR_big.tsv', content: 'x'.repeat(5000) }]);
    const bigFile = await limited.inject({ method: 'POST', url: '/api/usage/reports', headers: { ...upload.headers, ...bearer(f.tokens.admin) }, payload: upload.payload });
    assert.equal(bigFile.statusCode, 413);
    let last = 0;
    for (let i = 0; i < 4; i++) last = (await limited.inject({ url: '/api/works/search?q=River' })).statusCode;
    assert.equal(last, 429);
    const problem = (await limited.inject({ url: '/api/works/search?q=River' })).json();
    assert.equal(problem.code, 'CLEF_SERVER_RATE_LIMITED');
  });
});
