import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { portalRoutes } from '../../src/web/portal-routes.js';
import { describeEachEngine, test } from '../support/engines.js';
import { bearer, logIn as logInAs, setUpPortal, type PortalFixture } from './portal-fixture.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

describeEachEngine('web portal pages', (open) => {
  let f: PortalFixture;
  before(async () => {
    f = await setUpPortal(await open(), { plugins: [portalRoutes('clef-keys')] });
  });
  after(async () => f?.app.close());

  const logIn = (user: string) => logInAs(f.app, user);

  test('the public searches with a typo and a Chinese title and opens a work page, in English and in Chinese', async () => {
    const en = await f.app.inject({ url: '/search?q=Rivr%20of%20Stars' });
    assert.equal(en.statusCode, 200);
    assert.match(en.body, /<html lang="en">/);
    assert.match(en.body, /href="\/works\/W00000001">River of Stars</);
    const zh = await f.app.inject({ url: `/search?q=${encodeURIComponent('月光下的玉河')}`, headers: { 'accept-language': 'zh-CN,zh;q=0.9' } });
    assert.match(zh.body, /<html lang="zh-Hans">/);
    assert.match(zh.body, /搜索曲库/);
    const workId = /href="\/works\/(W\d+)">月光下的玉河</.exec(zh.body)?.[1];
    assert.ok(workId, 'the Chinese title is found');
    const work = await f.app.inject({ url: `/works/${workId}`, headers: { cookie: 'clef_lang=zh' } });
    assert.match(work.body, /创作者/);
    assert.match(work.body, /ZHANG, Min/);
    assert.doesNotMatch(work.body, /收取份额/, 'no shares for the public');
  });

  test('the language switch is remembered in a cookie and returns to the same page', async () => {
    const response = await f.app.inject({ url: '/works/W00000001?lang=zh' });
    assert.equal(response.statusCode, 303);
    assert.equal(response.headers.location, '/works/W00000001');
    assert.match(String(response.headers['set-cookie']), /^clef_lang=zh;/);
  });

  test('a page that needs a login sends an anonymous visitor to it; a wrong password is refused', async () => {
    const my = await f.app.inject({ url: '/my' });
    assert.equal(my.statusCode, 303);
    assert.equal(my.headers.location, '/login?next=%2Fmy');
    const wrong = await f.app.inject({ method: 'POST', url: '/login', headers: form, payload: 'user=liwei&password=wrong-password' });
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.headers['set-cookie'], undefined);
    assert.match(wrong.body, /User name or password is not valid/);
  });

  test('a member sees its statements with four charts and the exact total, and is refused another member\'s', async () => {
    const { cookie } = await logIn('liwei');
    const my = await f.app.inject({ url: '/my', headers: { cookie } });
    assert.match(my.body, new RegExp(`href="/statements/${f.runId}/${f.parties.liWei}"`));
    const statement = await f.app.inject({ url: `/statements/${f.runId}/${f.parties.liWei}`, headers: { cookie } });
    assert.equal(statement.statusCode, 200);
    assert.equal((statement.body.match(/<svg class="chart"/g) ?? []).length, 4);
    const api = (await f.app.inject({ url: `/api/runs/${f.runId}/statements/${f.parties.liWei}`, headers: bearer(f.tokens.liWei) })).json();
    assert.ok(statement.body.includes(`(${api.totals.amount_micros} µCNY)`));
    const other = await f.app.inject({ url: `/statements/${f.runId}/${f.parties.zhangMin}`, headers: { cookie } });
    assert.equal(other.statusCode, 403);
    assert.match(other.body, /You may not see this page/);
    assert.equal((await f.app.inject({ url: '/staff', headers: { cookie } })).statusCode, 403);
  });

  test('a member\'s claim needs the session\'s anti-forgery token, and with it is recorded', async () => {
    const { cookie, csrf } = await logIn('liwei');
    const list = await f.app.inject({ url: '/unmatched?q=Not%20In', headers: { cookie } });
    const resource = /name="resource" value="([^"]+)"/.exec(list.body)![1];
    const claim = { resource, title: 'Not In The Catalogue', amount: '0.5', evidence: 'I wrote it; ISWC pending' };
    const forged = await f.app.inject({ method: 'POST', url: '/unmatched/claim', headers: { ...form, cookie }, payload: new URLSearchParams(claim).toString() });
    assert.equal(forged.statusCode, 403);
    assert.match(forged.body, /CLEF_AUTH_CSRF_INVALID/);
    const made = await f.app.inject({ method: 'POST', url: '/unmatched/claim', headers: { ...form, cookie }, payload: new URLSearchParams({ ...claim, _csrf: csrf }).toString() });
    assert.equal(made.statusCode, 201, made.body);
    const claims = (await f.app.inject({ url: '/api/claims', headers: bearer(f.tokens.liWei) })).json();
    assert.equal(claims.length, 1);
    assert.equal(claims[0].party_id, f.parties.liWei);
    assert.equal(claims[0].amount_micros, '500000');
    assert.equal(claims[0].actor, 'liwei');
    assert.match(claims[0].evidence, /Not In The Catalogue/);
  });

  test('staff see the dashboard charts and a run\'s figures with society names from the lookup', async () => {
    const { cookie } = await logIn('staff');
    const dashboard = await f.app.inject({ url: '/staff', headers: { cookie } });
    assert.equal(dashboard.statusCode, 200);
    for (const id of ['match-rate', 'match-over-time', 'money', 'reserves']) assert.match(dashboard.body, new RegExp(`id="chart-${id}"`));
    const run = await f.app.inject({ url: `/staff/runs/${f.runId}`, headers: { cookie } });
    assert.match(run.body, /PRS/, 'society 052 is named');
    assert.match(run.body, /LI, Wei/);
  });
});
