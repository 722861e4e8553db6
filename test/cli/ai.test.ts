import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { test } from 'node:test';
import { tempDir } from '../support/temp-dir.js';
import { runClef } from './run-clef.js';

const demoDir = fileURLToPath(new URL('../../data/demo/', import.meta.url));

test('clef ai: reservations, a licence, a declaration, its audit, revenue and an AI run through the real CLI', async () => {
  const dir = tempDir();
  const db = join(dir, 'ai.duckdb');
  const clef = async (...args: string[]) => {
    const result = await runClef([...args, '--db', db]);
    assert.equal(result.status, 0, `${args.join(' ')}: ${result.stderr}`);
    return result.stdout;
  };
  await clef('settings', 'set', '--name', 'Test CMO', '--society', '119', '--currency', 'CNY', '--sister', '052:PR;MR:2136');
  await clef('members', 'import', join(demoDir, 'members.csv'));
  await clef('works', 'import', join(demoDir, 'works.csv'), '--submitter', 'SO:119');
  assert.match(await clef('ai', 'reservations', 'set', '--work', 'T-345.246.839-8', '--use', 'ai_training', '--status', 'notAllowed', '--from', '2026-01-01'), /^RSV00000001: ai_training notAllowed for work W00000004 from 2026-01-01/);
  const licensee = JSON.parse(await clef('ai', 'licensees', 'add', '--name', 'Melodia AI Ltd', '--country', 'GB', '--json'));
  const licence = JSON.parse(await clef('ai', 'licences', 'add', '--licensee', licensee.licensee_id, '--model', 'Melodia', '--model-version', '2.0', '--from', '2026-01-01', '--to', '2026-12-31',
    '--scope', 'not-reserved', '--division', 'pro-rata', '--training-fee', '1000', '--revenue-share', '25', '--minimum-guarantee', '100', '--json'));
  assert.deepEqual([licence.licence_id, licence.uses, licence.training_fee_micros, licence.revenue_share_bp], ['LIC00000001', 'ai_training;ai_generative_training', '1000000000', '2500']);
  const manifest = join(dir, 'manifest.json');
  writeFileSync(manifest, JSON.stringify({ model: { name: 'Melodia', version: '2.0' }, training_date: '2026-02-01', entries: [
    { isrc: 'CNA1M2600001', duration_used_s: 225 }, { title: 'Harbour Lights', artist: 'Tom Harris', duration_used_s: 200 }, { title: 'Never Registered', artist: 'Anyone', duration_used_s: 60 },
  ] }));
  const declared = JSON.parse(await clef('ai', 'declarations', 'import', manifest, '--licence', 'LIC00000001', '--json'));
  assert.deepEqual([declared.declaration_id, declared.entries, declared.identified], ['DCL00000001', 3, 2]);
  const audit = JSON.parse(await clef('ai', 'audit', 'DCL00000001', '--json', '--out', join(dir, 'audit')));
  assert.deepEqual(Object.keys(audit), ['licensed', 'violation', 'unlicensed', 'unidentified']);
  assert.deepEqual(Object.values(audit).map((list) => (list as unknown[]).length), [1, 1, 0, 1]);
  assert.match(readFileSync(join(dir, 'audit', 'DCL00000001-audit.html'), 'utf8'), /Training-data audit DCL00000001/);
  await clef('ai', 'revenue', 'add', '--licence', 'LIC00000001', '--period', '2026-01', '--net', '2000');
  const run = JSON.parse(await clef('ai', 'distribute', '--licence', 'LIC00000001', '--period', '2026-01', '--json'));
  assert.deepEqual(run.pools, { training_fee: '1000000000', revenue_share: '500000000', output_use: '0' });
  assert.deepEqual(run.enforcement.map((e: { work_id: string }) => e.work_id), ['W00000004']);
  const figures = JSON.parse(await clef('runs', 'show', run.run_id, '--json'));
  assert.equal(figures.kind, 'ai');
  assert.equal(figures.money_in_micros, '1500000000');
  await clef('ai', 'reservations', 'export', '--format', 'tdmrep', '--out', join(dir, 'site'), '--date', '2026-03-01');
  assert.deepEqual(JSON.parse(readFileSync(join(dir, 'site', '.well-known', 'tdmrep.json'), 'utf8'))[0], { location: '/works/W00000004', 'tdm-reservation': 1, 'tdm-policy': '/.well-known/tdm-policy.json' });

  const unknown = await runClef(['ai', 'declarations', 'import', manifest, '--licence', 'LIC00000099', '--db', db]);
  assert.equal(unknown.status, 1);
  assert.match(unknown.stderr, /CLEF_NOT_FOUND.*no AI licence LIC00000099/);
  const version = await runClef(['ai', 'declarations', 'import', manifest, '--licence', 'LIC00000001', '--model-version', '2.1', '--db', db]);
  assert.equal(version.status, 1);
  assert.match(version.stderr, /CLEF_AI_MODEL_NOT_COVERED/);
  const outside = await runClef(['ai', 'revenue', 'add', '--licence', 'LIC00000001', '--period', '2027-02', '--net', '1', '--db', db]);
  assert.equal(outside.status, 1);
  assert.match(outside.stderr, /CLEF_AI_PERIOD_OUTSIDE_TERM/);
  assert.doesNotMatch(unknown.stderr + version.stderr + outside.stderr, /\n\s+at /, 'no stack trace');
});
