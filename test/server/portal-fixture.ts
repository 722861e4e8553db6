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
  readonly tokens: { admin: string; liWei: string; zhangMin: string; dsp: string; otherDsp: string; licensee: string };
  readonly parties: { liWei: string; zhangMin: string };
}

/** Builds the fixture on a fresh store; `options` are passed to the server (limits). */
export async function setUpPortal(store: Store, options: { rateLimit?: number; bodyLimit?: number; fileLimit?: number; plugins?: Parameters<typeof buildServer>[0]['plugins'] } = {}): Promise<PortalFixture> {
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
  const users = [
    { name: 'staff', role: 'admin' }, { name: 'liwei', role: 'member', party: liWeiIpi }, { name: 'zhangmin', role: 'member', party: zhangMinIpi },
    { name: 'streamwave', role: 'dsp', dsp }, { name: 'othermusic', role: 'dsp', dsp: 'PADPIDA2099010101X' }, { name: 'aidev', role: 'licensee', licensee: 'LIC00000001' },
  ];
  const parties: Record<string, string> = {};
  for (const user of users) {
    const view = await addUser(context, { ...user, password: testPassword });
    if (view.party_id) parties[user.name] = view.party_id;
  }
  const token = async (name: string) => (await createApiToken(context, name)).token;
  const tokens = { admin: await token('staff'), liWei: await token('liwei'), zhangMin: await token('zhangmin'), dsp: await token('streamwave'), otherDsp: await token('othermusic'), licensee: await token('aidev') };
  const app = await buildServer({ store, now: () => new Date(Date.UTC(2026, 0, 2)), ...options });
  return { app, context, runId, tokens, parties: { liWei: parties.liwei, zhangMin: parties.zhangmin } };
}

/** The Authorization header of a token. */
export function bearer(token: string): { authorization: string } {
  return { authorization: `Bearer ${token}` };
}
