import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { freshLocation } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { buildServer } from '../../src/server/build-server.js';
import { openStore } from '../../src/store/index.js';
import { portalRoutes } from '../../src/web/portal-routes.js';
import { runClef } from './run-clef.js';

test('the demo builds its store, and search and show answer as the README promises', async () => {
  const db = join(tempDir(), 'clef-demo.duckdb');
  const demo = await runClef(['demo', '--db', db]);
  assert.equal(demo.status, 0, demo.stderr);
  assert.match(demo.stdout, /River of Stars/);
  assert.match(demo.stdout, /C2PA Trusted; verify: valid/);
  assert.match(demo.stdout, /sent as CWR 2.2: .*\(8 works; Clef's validator: 0 findings\)/);
  assert.match(demo.stdout, /8 of 9 resources matched/);
  assert.match(demo.stdout, /Distribution run RUN\d+ for 2025-01 .* = commission .* \+ members and societies .* \+ reserves/);
  assert.match(demo.stdout, /statement for LI, Wei: \d+ lines/);
  assert.match(demo.stdout, /degraded 10 s excerpt .* is R\d+ CNA1M2600002/);
  assert.match(demo.stdout, /12\. AI training: W\d+ reserved against ai_training .* licensed for Melodia 2\.0/);
  assert.match(demo.stdout, /audited: 3 licensed, 1 violation, 0 unlicensed, 1 unidentified/);
  assert.match(demo.stdout, /AI run RUN\d+ \(kind ai\) for 2025-01: .* = commission .* \+ AI escrow [1-9][\d.]* CNY \+ other reserves 0\.00 CNY/);
  assert.match(demo.stdout, /not paid, listed for enforcement: W\d+/);
  assert.match(demo.stdout, /AI statement for LI, Wei: 6 lines/);
  const runs = await runClef(['runs', 'list', '--db', db, '--json']);
  assert.deepEqual((JSON.parse(runs.stdout) as { kind: string }[]).map((r) => r.kind), ['distribution', 'ai']);
  assert.match(demo.stdout, /npm run demo -- --serve/);
  assert.match(demo.stdout, /login staff \/ demo-staff/);
  assert.match(demo.stdout, /login liwei \/ demo-liwei/);
  assert.match(demo.stdout, /login melodia \/ demo-melodia: AI licensee/);

  const search = await runClef(['works', 'search', 'Rivr of Stars', '--db', db, '--json']);
  assert.equal(search.status, 0, search.stderr);
  const hits = JSON.parse(search.stdout) as { work_id: string; iswc: string; title: string; score: number; creators: string[] }[];
  assert.equal(hits[0].title, 'River of Stars');
  assert.deepEqual(Object.keys(hits[0]).sort(), ['creators', 'iswc', 'score', 'title', 'work_id']);
  assert.ok(hits[0].creators.includes('MOREAU, Claire'), hits[0].creators.join('; '));

  const show = await runClef(['works', 'show', hits[0].work_id, '--db', db]);
  assert.equal(show.status, 0, show.stderr);
  assert.match(show.stdout, /Registrations:/);
  assert.match(show.stdout, /MOREAU, Claire/);
  assert.match(show.stdout, /Neon Loop Studio/);
  assert.match(show.stdout, /IPTC compositeWithTrainedAlgorithmicMedia, DDEX ContainsAI Partly/);

  // The closing hints run as printed (after `npm run clef --`): the audio index beside the store is found by --db.
  const hints = [...demo.stdout.matchAll(/npm run clef -- (.+)$/gm)].map((m) => m[1].split(' '));
  assert.deepEqual(hints.map((args) => args.slice(0, 2).join(' ')), ['works show', 'audio identify', 'label verify']);
  const [showHint, identifyHint, verifyHint] = await Promise.all(hints.map((args) => runClef(args)));
  assert.equal(showHint.status, 0, showHint.stderr);
  assert.match(identifyHint.stdout, /1 match\(es\)\n.*ISRC CNA1M2600002/);
  assert.equal(verifyHint.status, 0, verifyHint.stdout);
  assert.match(verifyHint.stdout, /: valid\n/);

  // Without a key folder the label still verifies, as other C2PA verifiers do: untrusted, exit 3.
  const labeled = hints[2][2];
  const keyless = await runClef(['label', 'verify', labeled], { CLEF_KEYS: join(dirname(db), 'no-keys-here') });
  assert.equal(keyless.status, 3, keyless.stdout + keyless.stderr);
  assert.match(keyless.stdout, /: untrusted\n/);
  assert.match(keyless.stderr, /no key folder at .*no-keys-here: signatures are checked, but no key is trusted/);
  const changed = join(dirname(db), 'changed.wav');
  const bytes = readFileSync(labeled);
  for (let i = bytes.length >> 1; i < (bytes.length >> 1) + 4000; i++) bytes[i] ^= 0x55;
  writeFileSync(changed, bytes);
  const tampered = await runClef(['label', 'verify', changed, '--keys', hints[2][4]]);
  assert.equal(tampered.status, 1);
  assert.match(tampered.stdout, /audio changed after labeling: yes/);
  assert.doesNotMatch(tampered.stdout, /verifies/, 'a signature is never said to verify over changed audio');

  // Every printed login works on the portal over the demo store and lands on its role's page.
  const store = await openStore(db, { mustExist: true });
  const app = await buildServer({ store, plugins: [portalRoutes(hints[2][4])] });
  try {
    const logins = [...demo.stdout.matchAll(/login (\w+) \/ (\S+):/g)].map((m) => [m[1], m[2]]);
    assert.equal(logins.length, 5);
    for (const [user, password] of logins) {
      const login = await app.inject({ method: 'POST', url: '/login', headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams({ user, password }).toString() });
      assert.equal(login.statusCode, 303, `${user}: ${login.body}`);
      const home = await app.inject({ url: String(login.headers.location), headers: { cookie: String(login.headers['set-cookie']).split(';')[0] } });
      assert.equal(home.statusCode, 200, user);
      if (user === 'melodia') assert.match(home.body, /href="\/licensee\/audits\/DCL\d{8}"/, 'the demo licensee sees its audited declaration');
    }
  } finally {
    await app.close();
    await store.close();
  }

  const again = await runClef(['demo', '--db', db]);
  assert.equal(again.status, 0, 'the demo may rebuild a store it created');
});

test('the demo refuses to touch a database it did not create', async () => {
  const db = join(tempDir(), 'mine.duckdb');
  assert.equal((await runClef(['settings', 'set', '--society', '052', '--db', db])).status, 0);
  const demo = await runClef(['demo', '--db', db]);
  assert.equal(demo.status, 1);
  assert.match(demo.stderr, /CLEF_STORE_NOT_CREATED_BY_DEMO/);
  const settings = await runClef(['settings', 'show', '--json', '--db', db]);
  assert.equal(JSON.parse(settings.stdout).society_code, '052');
});

test('the demo runs on PostgreSQL too', async (t) => {
  if (!process.env.CLEF_TEST_POSTGRES_URL && process.env.CI !== 'true') return t.skip('CLEF_TEST_POSTGRES_URL not set');
  const { location, remove } = await freshLocation('postgres');
  try {
    const demo = await runClef(['demo', '--db', location]);
    assert.equal(demo.status, 0, demo.stderr);
    const search = await runClef(['works', 'search', 'Rivr of Stars', '--db', location, '--json']);
    assert.equal(JSON.parse(search.stdout)[0].title, 'River of Stars');
  } finally {
    await remove();
  }
});

test('a command that needs a setting not yet made names the option to set it', async () => {
  const dir = tempDir();
  const csv = join(dir, 'works.csv');
  writeFileSync(csv, 'submitter_work_number,title,party1_role,party1_name,party1_pr_share\nA1,Song,CA,Someone,100\n');
  const result = await runClef(['works', 'import', csv, '--db', join(dir, 'empty.duckdb')]);
  assert.equal(result.status, 1);
  assert.match(result.stderr, /CLEF_SETTINGS_MISSING.*clef settings set --society/);
});

test('settings refuse an unknown society code and a malformed sister society', async () => {
  const db = join(tempDir(), 'settings.duckdb');
  const unknown = await runClef(['settings', 'set', '--society', '999', '--db', db]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /society code 999 is not in the CISAC society list/);
  const sister = await runClef(['settings', 'set', '--society', '119', '--sister', '052:XX:2136', '--db', db]);
  assert.equal(sister.status, 2);
  assert.match(sister.stderr, /right XX is not PR, MR or SR/);
  const good = await runClef(['settings', 'set', '--society', '119', '--currency', 'cny', '--sister', '052:PR;MR:2136', '--db', db, '--json']);
  assert.equal(good.status, 0, good.stderr);
  assert.deepEqual(JSON.parse(good.stdout), { name: null, society_code: '119', currency: 'CNY', sister_societies: [{ society_code: '052', rights: ['PR', 'MR'], territories: 'I2136' }] });
});

test('a member list with a bad row imports nothing and names line and field', async () => {
  const dir = tempDir();
  const db = join(dir, 'members.duckdb');
  const csv = join(dir, 'members.csv');
  writeFileSync(csv, 'ipi_name_number,name,rights,territories,start_date,end_date\n00014107338,LI Wei,PR;MR,2136,2020-01-01,\n00014107339,Bad Check,PR,2136,2020-01-01,\n00000000199,Bad Right,XR,2136,2020-02-30,\n');
  const bad = await runClef(['members', 'import', csv, '--db', db]);
  assert.equal(bad.status, 1);
  assert.match(bad.stderr, /members\.csv:3 \(ipi_name_number\)/);
  assert.match(bad.stderr, /members\.csv:4 \(rights\)/);
  assert.match(bad.stderr, /members\.csv:4 \(start_date\)/);
  assert.deepEqual(JSON.parse((await runClef(['members', 'list', '--json', '--db', db])).stdout), []);
  writeFileSync(csv, 'ipi_name_number,name,rights,territories,start_date,end_date\n00014107338,LI Wei,PR;MR,2136;E0250,2020-01-01,\n');
  assert.equal((await runClef(['members', 'import', csv, '--db', db])).status, 0);
  const [member] = JSON.parse((await runClef(['members', 'list', '--json', '--db', db])).stdout);
  assert.deepEqual([member.ipi_name_numbers, member.rights, member.territories], [['00014107338'], ['PR', 'MR'], 'I2136 E0250']);
});
