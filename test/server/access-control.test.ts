import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { readHistory } from '../../src/store/index.js';
import { describeEachEngine, test } from '../support/engines.js';
import { bearer, setUpPortal, type PortalFixture } from './portal-fixture.js';

describeEachEngine('API access control', (open) => {
  let f: PortalFixture;
  before(async () => {
    f = await setUpPortal(await open());
  });
  after(async () => f?.app.close());

  const get = (url: string, token?: string) => f.app.inject({ method: 'GET', url, headers: token ? bearer(token) : {} });

  test('anonymous callers reach search and public work pages, and get 401 problem details everywhere else', async () => {
    const search = await get('/api/works/search?q=Rivr%20of%20Stars');
    assert.equal(search.statusCode, 200);
    assert.equal(search.json()[0].title, 'River of Stars');
    const work = await get(`/api/works/${search.json()[0].work_id}`);
    assert.equal(work.statusCode, 200);
    assert.equal(work.json().title, 'River of Stars');
    assert.ok(work.json().creators.some((c: { name: string }) => c.name.startsWith('LI')));
    assert.equal(work.json().registrations, undefined, 'registrations are private');
    assert.equal(work.json().history, undefined, 'history is private');
    for (const url of ['/api/runs', `/api/runs/${f.runId}`, `/api/runs/${f.runId}/statements/${f.parties.liWei}`, '/api/balances', '/api/reserves', '/api/usage/unmatched', '/api/usage/reports', '/api/members', '/api/disputes', '/api/users']) {
      const response = await get(url);
      assert.equal(response.statusCode, 401, url);
      assert.equal(response.headers['content-type'], 'application/problem+json; charset=utf-8');
      assert.equal(response.json().code, 'CLEF_AUTH_REQUIRED', url);
      assert.equal(response.json().status, 401);
    }
    const distribute = await f.app.inject({ method: 'POST', url: '/api/runs', payload: { period: '2025-01' } });
    assert.equal(distribute.statusCode, 401);
  });

  test('a member reads its own statement and balance and is refused another member\'s (403)', async () => {
    const own = await get(`/api/runs/${f.runId}/statements/${f.parties.liWei}`, f.tokens.liWei);
    assert.equal(own.statusCode, 200);
    assert.equal(own.json().payee.id, f.parties.liWei);
    assert.ok(own.json().lines.length > 0);
    const other = await get(`/api/runs/${f.runId}/statements/${f.parties.zhangMin}`, f.tokens.liWei);
    assert.equal(other.statusCode, 403);
    assert.equal(other.json().code, 'CLEF_AUTH_FORBIDDEN');
    const otherCsv = await get(`/api/runs/${f.runId}/statements/${f.parties.zhangMin}?format=csv`, f.tokens.liWei);
    assert.equal(otherCsv.statusCode, 403);
    const balances = await get('/api/balances', f.tokens.liWei);
    assert.equal(balances.statusCode, 200);
    assert.deepEqual(balances.json().map((b: { id: string }) => b.id), [f.parties.liWei]);
    const otherBalance = await get(`/api/balances?party=${f.parties.zhangMin}`, f.tokens.liWei);
    assert.equal(otherBalance.statusCode, 403);
    const otherMember = await get(`/api/members/${f.parties.zhangMin}`, f.tokens.liWei);
    assert.equal(otherMember.statusCode, 403);
    const runs = await get('/api/runs', f.tokens.liWei);
    assert.equal(runs.statusCode, 403);
  });

  test('a member sees its own work whole and only the public view of another member\'s work', async () => {
    const [river] = (await get('/api/works/search?q=River%20of%20Stars')).json();
    const [moon] = (await get('/api/works/search?q=Moonlight%20over%20Jade%20River')).json();
    const own = await get(`/api/works/${river.work_id}`, f.tokens.liWei);
    assert.ok(Array.isArray(own.json().registrations), 'own work: registrations shown');
    assert.ok(Array.isArray(own.json().history));
    const other = await get(`/api/works/${moon.work_id}`, f.tokens.liWei);
    assert.equal(other.statusCode, 200);
    assert.equal(other.json().registrations, undefined);
    assert.equal(other.json().shares, undefined);
    assert.equal((await get(`/api/works/${moon.work_id}/history`, f.tokens.liWei)).statusCode, 403);
    assert.equal((await get(`/api/works/${river.work_id}/history`, f.tokens.liWei)).statusCode, 200);
  });

  test('a DSP sees only its own reports and cannot run distributions', async () => {
    const reports = await get('/api/usage/reports', f.tokens.dsp);
    assert.equal(reports.statusCode, 200);
    assert.equal(reports.json().length, 1);
    const others = await get('/api/usage/reports', f.tokens.otherDsp);
    assert.deepEqual(others.json(), []);
    const distribute = await f.app.inject({ method: 'POST', url: '/api/runs', headers: bearer(f.tokens.dsp), payload: { period: '2025-01' } });
    assert.equal(distribute.statusCode, 403);
    assert.equal(distribute.json().code, 'CLEF_AUTH_FORBIDDEN');
    assert.equal((await get(`/api/runs/${f.runId}/statements/${f.parties.liWei}`, f.tokens.dsp)).statusCode, 403);
  });

  test('a licensee reaches no member, run or usage data', async () => {
    for (const url of ['/api/runs', `/api/runs/${f.runId}/statements/${f.parties.liWei}`, '/api/balances', '/api/usage/reports', '/api/usage/unmatched']) {
      assert.equal((await get(url, f.tokens.licensee)).statusCode, 403, url);
    }
  });

  test('staff see every statement and run, and a write is recorded in the history with the user', async () => {
    assert.equal((await get(`/api/runs/${f.runId}/statements/${f.parties.zhangMin}`, f.tokens.admin)).statusCode, 200);
    const run = await get(`/api/runs/${f.runId}`, f.tokens.admin);
    assert.equal(run.json().run_id, f.runId);
    const added = await f.app.inject({ method: 'POST', url: '/api/users', headers: bearer(f.tokens.admin), payload: { name: 'chenjie', role: 'member', party: '00012346425' } });
    assert.equal(added.statusCode, 201);
    const history = await readHistory(f.context.store.db, 'chenjie');
    assert.equal(history.length, 1);
    assert.equal(history[0].actor, 'staff');
    const byMember = await f.app.inject({ method: 'POST', url: '/api/users', headers: bearer(f.tokens.liWei), payload: { name: 'intruder', role: 'admin' } });
    assert.equal(byMember.statusCode, 403);
  });

  test('a wrong or malformed token is refused with 401, not treated as anonymous', async () => {
    const wrong = await get('/api/works/search?q=River', 'clef_notavalidtoken');
    assert.equal(wrong.statusCode, 401);
    assert.equal(wrong.json().code, 'CLEF_AUTH_CREDENTIALS_INVALID');
    const malformed = await f.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Basic abc' } });
    assert.equal(malformed.statusCode, 401);
  });
});
