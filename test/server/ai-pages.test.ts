import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before } from 'node:test';
import { portalRoutes } from '../../src/web/portal-routes.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { writeManifest } from '../ai/ai-setup.js';
import { multipartBody } from './multipart-body.js';
import { logIn, setUpPortal, type PortalFixture } from './portal-fixture.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

describeEachEngine('web portal pages: the AI part', (open) => {
  let f: PortalFixture;
  let auditUrl = '';
  before(async () => {
    f = await setUpPortal(await open(), { plugins: [portalRoutes('clef-keys')] });
  });
  after(async () => f?.app.close());

  const page = (url: string, cookie: string, lang = 'en') => f.app.inject({ url, headers: { cookie: `${cookie}; clef_lang=${lang}` } });
  const postForm = (url: string, cookie: string, fields: Record<string, string>) => f.app.inject({ method: 'POST', url, headers: { ...form, cookie }, payload: new URLSearchParams(fields).toString() });

  test('a licensee sees only its licence, uploads a declaration (with the anti-forgery token) and reads its audit in English and Chinese', async () => {
    const { cookie, csrf } = await logIn(f.app, 'aidev');
    const home = await page('/licensee', cookie);
    assert.equal(home.statusCode, 200);
    assert.match(home.body, new RegExp(`id="licence-${f.licences.melodia}"`));
    assert.doesNotMatch(home.body, new RegExp(f.licences.other), 'another licensee\'s licence is not shown');
    assert.match(home.body, /Training fee CN¥10,000\.00 · revenue share 30\.00% with a monthly minimum of CN¥500\.00/);
    const body = multipartBody([{ name: 'manifest.csv', content: readFileSync(writeManifest(tempDir()), 'utf8'), field: 'manifest' }], 'manifest', { trained_on: '2026-02-01' });
    const action = `/licensee/licences/${f.licences.melodia}/declarations`;
    const forged = await f.app.inject({ method: 'POST', url: action, headers: { ...body.headers, cookie }, payload: body.payload });
    assert.equal(forged.statusCode, 403);
    assert.match(forged.body, /CLEF_AUTH_CSRF_INVALID/);
    const declared = await f.app.inject({ method: 'POST', url: `${action}?_csrf=${csrf}`, headers: { ...body.headers, cookie }, payload: body.payload });
    assert.equal(declared.statusCode, 303, declared.body);
    auditUrl = String(declared.headers.location);
    assert.match(auditUrl, /^\/licensee\/audits\/DCL\d{8}$/);
    const en = await page(auditUrl, cookie);
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<tr class="audit-licensed"><th>Licensed<\/th><td class="num">3<\/td>/);
    assert.match(en.body, /<tr class="audit-violation"><th>Violation<\/th><td class="num">1<\/td>/);
    assert.match(en.body, /href="\/works\/W00000004">W00000004</);
    assert.match(en.body, /reservation RSV00000001/);
    const zh = await page(auditUrl, cookie, 'zh');
    assert.match(zh.body, /<html lang="zh-Hans">/);
    assert.match(zh.body, /<tr class="audit-violation"><th>违规<\/th><td class="num">1<\/td>/);
    assert.match(zh.body, /申报 DCL\d{8} 的审核/);
    const other = await logIn(f.app, 'otherai');
    const refused = await page(auditUrl, other.cookie);
    assert.equal(refused.statusCode, 403);
    assert.match(refused.body, /You may not see this page/);
    const refusedUpload = await f.app.inject({ method: 'POST', url: `${action}?_csrf=${other.csrf}`, headers: { ...body.headers, cookie: other.cookie }, payload: body.payload });
    assert.equal(refusedUpload.statusCode, 403);
  });

  test('a licensee reports a month\'s revenue from the page; a month outside the term is shown as its coded error', async () => {
    const { cookie, csrf } = await logIn(f.app, 'aidev');
    const action = `/licensee/licences/${f.licences.melodia}/revenue?_csrf=${csrf}`;
    const outside = multipartBody([], 'attribution', { period: '2027-01', net: '100' });
    const refused = await f.app.inject({ method: 'POST', url: action, headers: { ...outside.headers, cookie }, payload: outside.payload });
    assert.equal(refused.statusCode, 422);
    assert.match(refused.body, /CLEF_AI_PERIOD_OUTSIDE_TERM/);
    const good = multipartBody([], 'attribution', { period: '2026-01', net: '20000', output_revenue: '3000' });
    const made = await f.app.inject({ method: 'POST', url: action, headers: { ...good.headers, cookie }, payload: good.payload });
    assert.equal(made.statusCode, 201, made.body);
    assert.match(made.body, /Revenue for 2026-01 recorded under LIC00000001; works attributed: 0\./);
  });

  test('staff add a licensee and a licence, open the audit, run the AI distribution and see the AI escrow', async () => {
    const { cookie, csrf } = await logIn(f.app, 'staff');
    const ai = await page('/staff/ai', cookie);
    assert.equal(ai.statusCode, 200);
    assert.match(ai.body, new RegExp(`href="${auditUrl}"`), 'the declaration links to its audit');
    assert.match(ai.body, new RegExp(`<td>${f.licences.melodia}</td><td>Melodia AI Ltd <span class="ids">LSE00000001</span></td>`));
    assert.equal((await page(auditUrl, cookie)).statusCode, 200);
    const licensee = await postForm('/staff/ai/licensees', cookie, { _csrf: csrf, name: 'Sonata Labs', country: 'fr' });
    assert.equal(licensee.statusCode, 201);
    assert.match(licensee.body, /Licensee LSE00000003 \(Sonata Labs\) added\./);
    const licence = await postForm('/staff/ai/licences', cookie, { _csrf: csrf, licensee: 'LSE00000003', model: 'Sonata', model_version: '3', from: '2026-01-01', to: '2026-06-30', scope: 'opt-in', division: 'equal', training_fee: '100' });
    assert.equal(licence.statusCode, 201, licence.body);
    assert.match(licence.body, /Licence LIC00000003 for Sonata 3 added\./);
    const bad = await postForm('/staff/ai/licences', cookie, { _csrf: csrf, licensee: 'LSE00000003', model: 'Sonata', model_version: '4', from: '2026-07-01', to: '2026-06-30', scope: 'opt-in' });
    assert.equal(bad.statusCode, 422);
    assert.match(bad.body, /CLEF_AI_LICENCE_INVALID/);
    const run = await postForm('/staff/ai/distribute', cookie, { _csrf: csrf, licence: f.licences.melodia, period: '2026-01' });
    assert.equal(run.statusCode, 201, run.body);
    assert.match(run.body, /id="new-run"/);
    assert.match(run.body, /listed for enforcement: W00000004/);
    const escrow = /<h2 id="ai-escrow">[^:]+: ([^<]+)<\/h2>/.exec(run.body)?.[1];
    assert.ok(escrow && /[1-9]/.test(escrow), `the AI escrow holds Wang Fang's share, not ${escrow}`);
    for (const user of ['aidev', 'liwei']) assert.equal((await page('/staff/ai', (await logIn(f.app, user)).cookie)).statusCode, 403, user);
  });

  test('a member sees its AI income apart, and sets reservations for its own works only', async () => {
    const { cookie, csrf } = await logIn(f.app, 'liwei');
    const my = await page('/my', cookie);
    assert.match(my.body, /<h2 id="ai-income">AI training income: /);
    const aiRun = /<table id="ai-statements">[\s\S]*?href="\/statements\/([A-Z]{3}\d{8})\//.exec(my.body)?.[1];
    assert.ok(aiRun);
    const statement = await page(`/statements/${aiRun}/${f.parties.liWei}`, cookie);
    assert.match(statement.body, /id="ai-income"/);
    const reservations = await page('/my/reservations', cookie);
    assert.match(reservations.body, /<option value="work:W00000001">River of Stars/);
    assert.doesNotMatch(reservations.body, /work:W00000002/, 'Zhang Min\'s work is not offered');
    const made = await postForm('/my/reservations', cookie, { _csrf: csrf, subject: 'work:W00000001', use: 'ai_training', status: 'notAllowed', from: '2026-05-01' });
    assert.equal(made.statusCode, 201, made.body);
    assert.match(made.body, /<td>RSV\d{8}<\/td><td>River of Stars \(T\d{10}\)<\/td><td>AI training<\/td><td>not allowed<\/td><td>2026-05-01<\/td><td>liwei<\/td>/);
    const forged = await postForm('/my/reservations', cookie, { _csrf: csrf, subject: 'work:W00000002', use: 'ai_training', status: 'allowed', from: '2026-05-01' });
    assert.equal(forged.statusCode, 403);
    const zh = await page('/my/reservations', cookie, 'zh');
    assert.match(zh.body, /我的AI保留声明/);
    assert.match(zh.body, /<td>AI训练<\/td><td>不允许<\/td>/);
  });
});
