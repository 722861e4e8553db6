import assert from 'node:assert/strict';
import { after, before } from 'node:test';
import { readHistory } from '../../src/store/index.js';
import { portalRoutes } from '../../src/web/portal-routes.js';
import { describeEachEngine, test } from '../support/engines.js';
import { bearer, liWeiIpi, logIn, setUpPortal, zhangMinIpi, type PortalFixture } from './portal-fixture.js';

const form = { 'content-type': 'application/x-www-form-urlencoded' };

describeEachEngine('web portal pages: a member\'s works', (open) => {
  let f: PortalFixture;
  let session: { cookie: string; csrf: string };
  let workId = '';
  before(async () => {
    f = await setUpPortal(await open(), { plugins: [portalRoutes('clef-keys')] });
    session = await logIn(f.app, 'liwei');
  });
  after(async () => f?.app.close());

  const owners = (liWei: string, zhangMin: string) => ({
    party1_role: 'CA', party1_name: 'LI, Wei', party1_ipi: liWeiIpi, party1_pr_share: liWei, party1_mr_share: liWei, party1_sr_share: liWei,
    party2_role: 'CA', party2_name: 'ZHANG, Min', party2_ipi: zhangMinIpi, party2_pr_share: zhangMin, party2_mr_share: zhangMin, party2_sr_share: zhangMin,
  });
  const submit = (fields: Record<string, string>, who = session) =>
    f.app.inject({ method: 'POST', url: '/my/works', headers: { ...form, cookie: who.cookie }, payload: new URLSearchParams({ _csrf: who.csrf, ...fields }).toString() });
  const work = { title: 'Silk Road Lullaby', language: 'ZH', ai_composition: 'ai_assisted', ai_lyrics: 'human', ai_arrangement: 'ai_generated', ai_tools: 'Suno|v4', human_contribution: 'Melody and lyrics by Li Wei; AI drafted the arrangement' };

  test('a member registers a work with its AI declaration and a co-owner; the registry has it, with the member in the history', async () => {
    const blank = await f.app.inject({ url: '/my/works/new', headers: { cookie: session.cookie } });
    assert.equal(blank.statusCode, 200);
    assert.match(blank.body, new RegExp(`name="party1_ipi" value="${liWeiIpi}"`), 'the member is the first owner');
    const made = await submit({ ...work, ...owners('50', '50') });
    assert.equal(made.statusCode, 201, made.body);
    workId = /Registered as a new work: <a href="\/works\/(W\d{8})">/.exec(made.body)?.[1] ?? '';
    assert.ok(workId, made.body.slice(made.body.indexOf('<main>'), made.body.indexOf('<form')));
    const api = (await f.app.inject({ url: `/api/works/${workId}`, headers: bearer(f.tokens.liWei) })).json();
    assert.equal(api.title, 'Silk Road Lullaby');
    assert.deepEqual(api.ai_provenance.facets, { composition: 'ai_assisted', lyrics: 'human', arrangement: 'ai_generated' });
    assert.deepEqual(api.ai_provenance.tools.map((t: { name: string }) => t.name), ['Suno']);
    assert.deepEqual(api.registrations[0].parties.map((p: { name: string; ownership_bp: { PR: number } }) => [p.name, Number(p.ownership_bp.PR)]), [['LI, Wei', 5000], ['ZHANG, Min', 5000]]);
    assert.equal(api.registrations[0].submitter.id, liWeiIpi);
    assert.deepEqual((await readHistory(f.context.store.db, workId)).map((h) => h.actor), ['liwei']);
    const my = await f.app.inject({ url: '/my', headers: { cookie: session.cookie } });
    assert.match(my.body, new RegExp(`href="/my/works/${workId}/edit"`));
  });

  test('shares over 100 % are refused with the coded error in the page, the form keeping what was typed; nothing is written', async () => {
    const edit = await f.app.inject({ url: `/my/works/${workId}/edit`, headers: { cookie: session.cookie } });
    assert.equal(edit.statusCode, 200);
    assert.match(edit.body, /name="title" required value="Silk Road Lullaby"/);
    assert.match(edit.body, /name="party2_pr_share" value="50"/);
    const swn = /name="submitter_work_number" value="([^"]+)"/.exec(edit.body)![1];
    assert.match(swn, /^liwei-\d{14}$/);
    const over = await submit({ submitter_work_number: swn, ...work, ...owners('60', '50') });
    assert.equal(over.statusCode, 422);
    assert.match(over.body, /<p class="warning" role="alert" id="form-error"><strong>CLEF_REGISTRY_SHARES_INVALID<\/strong>/);
    assert.match(over.body, /name="party1_pr_share" value="60"/);
    const zh = await f.app.inject({ method: 'POST', url: '/my/works', headers: { ...form, cookie: `${session.cookie}; clef_lang=zh` }, payload: new URLSearchParams({ _csrf: session.csrf, submitter_work_number: swn, ...work, ...owners('60', '50') }).toString() });
    assert.match(zh.body, /编辑作品/);
    assert.match(zh.body, /CLEF_REGISTRY_SHARES_INVALID/);
    const api = (await f.app.inject({ url: `/api/works/${workId}`, headers: bearer(f.tokens.liWei) })).json();
    assert.equal(api.registrations.length, 1);
  });

  test('editing the AI declaration revises the registration and the work\'s declaration; a change of shares is held for review', async () => {
    const edit = (await f.app.inject({ url: `/my/works/${workId}/edit`, headers: { cookie: session.cookie } })).body;
    assert.match(edit, /name="title" required value="Silk Road Lullaby" readonly/, 'the title is the work\'s identity');
    const swn = /name="submitter_work_number" value="([^"]+)"/.exec(edit)![1];
    const revised = await submit({ submitter_work_number: swn, ...work, ai_lyrics: 'ai_assisted', ...owners('50', '50') });
    assert.equal(revised.statusCode, 200, revised.body);
    assert.match(revised.body, /Your registration of the work is revised/);
    const api = (await f.app.inject({ url: `/api/works/${workId}`, headers: bearer(f.tokens.liWei) })).json();
    assert.equal(api.ai_provenance.facets.lyrics, 'ai_assisted');
    assert.deepEqual(api.history.map((h: { action: string; actor: string }) => [h.action, h.actor]).slice(-2), [['registration revised', 'liwei'], ['AI declaration revised', 'liwei']]);
    const held = await submit({ submitter_work_number: swn, ...work, ...owners('70', '30') });
    assert.match(held.body, /held for the CMO&#39;s review/);
    const shares = (await f.app.inject({ url: `/api/works/${workId}`, headers: bearer(f.tokens.liWei) })).json().shares as { party_id: string; right: string; collection_bp: number }[];
    assert.deepEqual(shares.filter((s) => s.right === 'PR' && s.party_id === f.parties.liWei).map((s) => Number(s.collection_bp)), [5000], 'the earlier shares stay in force');
  });

  test('a member edits only works it holds a share in and registers only works naming itself', async () => {
    const zhangMin = await logIn(f.app, 'zhangmin');
    const river = await f.app.inject({ url: '/my/works/W00000001/edit', headers: { cookie: zhangMin.cookie } });
    assert.equal(river.statusCode, 403);
    const notMine = await submit({ title: 'Somebody Else\'s Song', party1_role: 'CA', party1_name: 'ZHANG, Min', party1_ipi: zhangMinIpi, party1_pr_share: '100', party1_mr_share: '100', party1_sr_share: '100' });
    assert.equal(notMine.statusCode, 403);
    assert.equal((await f.app.inject({ url: '/my/works/new', headers: { cookie: (await logIn(f.app, 'aidev')).cookie } })).statusCode, 403);
    assert.equal((await f.app.inject({ url: '/my/works/new' })).statusCode, 303, 'anonymous: to the login');
  });
});
