import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import { distributePeriod } from '../../src/distribution/use-cases/distribute-period.js';
import type { RegistryContext } from '../../src/registry/use-cases/registry-context.js';
import { buildServer } from '../../src/server/build-server.js';
import { createApiToken } from '../../src/access/use-cases/api-tokens.js';
import { addUser } from '../../src/access/use-cases/users.js';
import type { Store } from '../../src/store/index.js';
import { addDsp } from '../../src/usage/use-cases/dsps.js';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { importWorksCsv } from '../../src/registry/use-cases/import-works-csv.js';
import { dsp, ingest, januaryReport, licenseDsp, setUpCmo } from '../distribution/distribution-setup.js';
import { writeWorksCsv } from '../registry/registry-fixtures.js';
import { addLicence, addLicensee } from '../../src/ai/use-cases/licences.js';
import { addAiLicence } from '../ai/ai-setup.js';

/** The two members of the tests: Li Wei (River of Stars) and Zhang Min (Moonlight over Jade River). */
export const liWeiIpi = '00012345036';
export const zhangMinIpi = '00012345722';
/** The web password of every test user. */
export const testPassword = 'correct horse battery';

/** A CMO with the demo catalogue, January's report distributed, users of every role and their API tokens, and the server. */
export interface PortalFixture {
  readonly app: FastifyInstance;
  readonly context: RegistryContext;
  readonly runId: string;
  readonly tokens: { admin: string; liWei: string; zhangMin: string; dsp: string; otherDsp: string; licensee: string; otherLicensee: string };
  /** Melodia AI Ltd's licence (user `aidev`) and another licensee's (user `otherai`). */
  readonly licences: { melodia: string; other: string };
  readonly parties: { liWei: string; zhangMin: string };
}

/** Builds the fixture on a fresh store; `options` are passed to the server (limits). */
export async function setUpPortal(store: Store, options: Omit<Parameters<typeof buildServer>[0], 'store' | 'now'> = {}): Promise<PortalFixture> {
  const context = await setUpCmo(store);
  const dir = mkdtempSync(join(tmpdir(), 'clef-portal-'));
  await importWorksCsv(context, writeWorksCsv(dir, 'chinese.csv', ['ZH-001,月光下的玉河,,human,human,human,CA,00012345722,"ZHANG, Min",100,100,0,2136,,,,,,,,,,']), { submitter: { kind: 'cmo', societyCode: '119' } });
  rmSync(dir, { recursive: true, force: true });
  await licenseDsp(context);
  await addDsp(context, dsp, 'Streamwave');
  await addDsp(context, 'PADPIDA2099010101X', 'Other Music');
  await ingest(context, januaryReport());
  const outcome = await distributePeriod(context, { period: '2025-01' });
  const runId = outcome.runId!;
  const melodia = await addAiLicence(context);
  const otherLicensee = await addLicensee(context, { name: 'Other Models Inc', country: 'us' });
  const other = await addLicence(context, { licensee: otherLicensee.licensee_id, model: 'Chorus', modelVersion: '1', from: '2026-01-01', to: '2026-12-31', uses: 'ai_training', scope: 'opt-in', division: 'equal' });
  const users = [
    { name: 'staff', role: 'admin' }, { name: 'liwei', role: 'member', party: liWeiIpi }, { name: 'zhangmin', role: 'member', party: zhangMinIpi },
    { name: 'streamwave', role: 'dsp', dsp }, { name: 'othermusic', role: 'dsp', dsp: 'PADPIDA2099010101X' }, { name: 'aidev', role: 'licensee', licensee: 'LSE00000001' },
    { name: 'otherai', role: 'licensee', licensee: otherLicensee.licensee_id },
  ];
  const parties: Record<string, string> = {};
  for (const user of users) {
    const view = await addUser(context, { ...user, password: testPassword });
    if (view.party_id) parties[user.name] = view.party_id;
  }
  const token = async (name: string) => (await createApiToken(context, name)).token;
  const tokens = { admin: await token('staff'), liWei: await token('liwei'), zhangMin: await token('zhangmin'), dsp: await token('streamwave'), otherDsp: await token('othermusic'), licensee: await token('aidev'), otherLicensee: await token('otherai') };
  const app = await buildServer({ store, now: () => new Date(Date.UTC(2026, 0, 2)), ...options });
  return { app, context, runId, tokens, parties: { liWei: parties.liwei, zhangMin: parties.zhangmin }, licences: { melodia, other: other.licence_id } };
}

/** The Authorization header of a token. */
export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}

/** Signs a user in through the login form; returns its session cookie and the anti-forgery token its pages carry. */
export async function logIn(app: FastifyInstance, user: string): Promise<{ cookie: string; csrf: string }> {
  const response = await app.inject({ method: 'POST', url: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ user, password: testPassword }).toString() });
  assert.equal(response.statusCode, 303, response.body);
  const setCookie = String(response.headers['set-cookie']);
  assert.match(setCookie, /HttpOnly/);
  assert.match(setCookie, /SameSite=Lax/);
  const cookie = setCookie.split(';')[0];
  const page = await app.inject({ url: '/', headers: { cookie } });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(page.body)![1];
  return { cookie, csrf };
}
