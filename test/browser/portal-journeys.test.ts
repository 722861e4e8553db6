import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium, type Browser, type Page } from 'playwright-core';
import { setFxRate } from '../../src/distribution/use-cases/fx-rates.js';
import { portalRoutes } from '../../src/web/portal-routes.js';
import { basicAudioReport } from '../distribution/basic-audio-report.js';
import { januaryReport } from '../distribution/distribution-setup.js';
import { writeManifest } from '../ai/ai-setup.js';
import { setUpPortal, testPassword, type PortalFixture } from '../server/portal-fixture.js';
import { repoRoot } from '../support/repo-paths.js';
import { describeEachEngine, test } from '../support/engines.js';

// Debian's Chromium (the `chromium` package .ci/run installs), not a browser build playwright would download.
const executablePath = execFileSync('which', ['chromium'], { encoding: 'utf8' }).trim();
const artifacts = join(repoRoot, 'test-artifacts');

describeEachEngine('browser journeys through the portal', (open, engine) => {
  let f: PortalFixture;
  let browser: Browser;
  let base: string;
  before(async () => {
    f = await setUpPortal(await open(), { plugins: [portalRoutes('clef-keys')] });
    await setFxRate(f.context, { from: 'EUR', to: 'CNY', period: '2025-02', rate: '7.9' });
    base = await f.app.listen({ port: 0, host: '127.0.0.1' });
    browser = await chromium.launch({ executablePath, args: ['--no-sandbox'] });
    mkdirSync(artifacts, { recursive: true });
  });
  after(async () => {
    await browser?.close();
    await f?.app.close();
  });

  async function page(locale = 'en-GB'): Promise<Page> {
    const context = await browser.newContext({ locale, viewport: { width: 1200, height: 900 } });
    return context.newPage();
  }

  async function logIn(p: Page, user: string): Promise<void> {
    await p.goto(`${base}/login`);
    await p.fill('input[name=user]', user);
    await p.fill('input[name=password]', testPassword);
    await Promise.all([p.waitForURL((url) => !url.pathname.startsWith('/login')), p.click('button[type=submit]')]);
  }

  const shot = (p: Page, name: string) => p.screenshot({ path: join(artifacts, `${name}-${engine}.png`), fullPage: true });

  test('the public searches with a typo, opens the work page, and reads it in Chinese; then finds a Chinese title', async () => {
    const p = await page();
    await p.goto(base);
    await p.fill('input[name=q]', 'Rivr of Stars');
    await p.press('input[name=q]', 'Enter');
    await p.click('#results a:text("River of Stars")');
    await p.waitForSelector('#work-title');
    assert.equal(await p.textContent('#work-title'), 'River of Stars');
    assert.ok(await p.isVisible('text=Creators'));
    await Promise.all([p.waitForURL(/\/works\/W00000001$/), p.click('#lang-switch')]);
    assert.ok(await p.isVisible('h2:text("创作者")'));
    assert.equal(await p.getAttribute('html', 'lang'), 'zh-Hans');
    await p.goto(base);
    assert.ok(await p.isVisible('h1:text("搜索曲库")'), 'the language is remembered');
    await p.fill('input[name=q]', '月光下的玉河');
    await p.press('input[name=q]', 'Enter');
    await p.click('#results a:text("月光下的玉河")');
    await p.waitForSelector('#work-title');
    assert.equal(await p.textContent('#work-title'), '月光下的玉河');
    await shot(p, 'public-work-zh');
    await p.context().close();
  });

  test('a member signs in, sees the statement charts, claims an unmatched resource and is refused another member\'s statement', async () => {
    const p = await page();
    await logIn(p, 'liwei');
    assert.match(p.url(), /\/my$/);
    await p.click(`#statements a:text("${f.runId}")`);
    await p.waitForSelector('#chart-source svg');
    assert.equal(await p.locator('svg.chart').count(), 4);
    assert.match((await p.textContent('#statement-total')) ?? '', /CN¥\d/);
    await shot(p, 'member-statement');
    await p.goto(`${base}/unmatched`);
    const row = p.locator('.unmatched-row', { hasText: 'Not In The Catalogue' });
    await row.locator('input[name=amount]').fill('0.25');
    await row.locator('textarea[name=evidence]').fill('My song, registered with my publisher');
    await row.locator('button[type=submit]').click();
    await p.waitForSelector('#notice');
    assert.match((await p.textContent('#notice')) ?? '', /Claim CLM\d+ recorded/);
    const refused = await p.goto(`${base}/statements/${f.runId}/${f.parties.zhangMin}`);
    assert.equal(refused?.status(), 403);
    assert.ok(await p.isVisible('text=You may not see this page.'));
    await shot(p, 'member-refused');
    await p.context().close();
  });

  test('staff upload a report, run a distribution and see its figures', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clef-browser-'));
    const report = basicAudioReport({ ...januaryReport(), month: '2025-02', serial: 3 });
    const file = join(dir, report.name);
    writeFileSync(file, report.text);
    const p = await page();
    await logIn(p, 'staff');
    await p.goto(`${base}/staff/upload`);
    await p.setInputFiles('input[type=file]', file);
    await p.click('#upload');
    await p.waitForSelector('#outcomes li.outcome-staged');
    await p.goto(`${base}/staff`);
    await p.fill('input[name=period]', '2025-02');
    await Promise.all([p.waitForLoadState('load'), p.click('#distribute')]);
    await p.click('#new-run');
    await p.waitForSelector('#run-figures');
    assert.match((await p.textContent('#run-figures')) ?? '', /Money in\s*CN¥[\d,.]+/);
    assert.ok((await p.locator('#run-members tbody tr').count()) > 0);
    await shot(p, 'staff-run');
    await p.context().close();
    rmSync(dir, { recursive: true, force: true });
  });

  test('a licensee signs in (in Chinese), uploads a training-data declaration and reads its audit, then in English', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'clef-browser-'));
    const manifest = writeManifest(dir);
    const p = await page('zh-CN');
    await logIn(p, 'aidev');
    assert.match(p.url(), /\/licensee$/);
    assert.ok(await p.isVisible('h1:text("我的AI许可")'));
    const licence = p.locator(`#licence-${f.licences.melodia}`);
    await licence.locator('.declaration-form input[name=manifest]').setInputFiles(manifest);
    await licence.locator('.declaration-form input[name=trained_on]').fill('2026-02-01');
    await Promise.all([p.waitForURL(/\/licensee\/audits\/DCL\d{8}$/), licence.locator('.declaration-form button.declare').click()]);
    assert.match((await p.textContent('#audit-title')) ?? '', /申报 DCL\d{8} 的审核/);
    assert.equal(await p.textContent('#audit-counts tr.audit-violation td.num'), '1');
    assert.equal(await p.textContent('#audit-counts tr.audit-licensed td.num'), '3');
    await shot(p, 'licensee-audit-zh');
    await Promise.all([p.waitForLoadState('load'), p.click('#lang-switch')]);
    assert.match((await p.textContent('#audit-title')) ?? '', /^Audit of declaration DCL\d{8}$/);
    assert.ok(await p.isVisible('h2#violation:text("Violation (1)")'));
    await shot(p, 'licensee-audit');
    await p.context().close();
    rmSync(dir, { recursive: true, force: true });
  });
});
