import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditDeclaration, writeAudit } from '../../src/ai/use-cases/audit-declaration.js';
import { importDeclaration } from '../../src/ai/use-cases/import-declaration.js';
import { addLicence } from '../../src/ai/use-cases/licences.js';
import { setReservation } from '../../src/ai/use-cases/reservations.js';
import { isClefError } from '../../src/errors/index.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { setUpAiLicence, writeManifest } from './ai-setup.js';

const ids = (entries: readonly { work_id: string | null }[]) => entries.map((e) => e.work_id);

describeEachEngine('AI training declarations and audits', (open) => {
  test('a declaration is identified like usage and audited into licensed, violation, unlicensed and unidentified', async () => {
    const context = await setUpAiLicence(await open());
    const dir = tempDir();
    const outcome = await importDeclaration(context, { file: writeManifest(dir), licenceId: context.licenceId, trainingDate: '2026-02-01' });
    assert.deepEqual([outcome.entries, outcome.identified, outcome.model, outcome.duplicate], [5, 4, 'Melodia 2.0', false]);
    const audit = await auditDeclaration(context, outcome.declaration_id);
    assert.deepEqual(Object.keys(audit.report), ['licensed', 'violation', 'unlicensed', 'unidentified']);
    assert.deepEqual(ids(audit.report.licensed), ['W00000001', 'W00000005', 'W00000002']);
    assert.deepEqual(audit.report.licensed.map((e) => e.method), ['isrc', 'iswc', 'isrc']);
    assert.deepEqual(ids(audit.report.violation), ['W00000004']);
    const [violation] = audit.report.violation;
    assert.equal(violation.method, 'title-artist');
    assert.equal(violation.isrc, 'CNA1M2600004');
    assert.match(violation.evidence, /manifest\.csv line 4: "Harbour Lights" by Tom Harris matches recording R\d+ .*ai_training notAllowed for work W00000004 since 2026-01-01 \(reservation RSV00000001\)/);
    assert.deepEqual(audit.report.unlicensed, []);
    assert.deepEqual(audit.report.unidentified.map((e) => [e.work_id, e.recording_id, e.method]), [[null, null, 'none']]);
    for (const entry of Object.values(audit.report).flat()) assert.deepEqual(Object.keys(entry), ['work_id', 'recording_id', 'isrc', 'iswc', 'method', 'evidence']);
    const [json, html] = await writeAudit(context, audit, join(dir, 'audit'));
    assert.deepEqual(JSON.parse(readFileSync(json, 'utf8')), audit.report);
    assert.match(readFileSync(html, 'utf8'), /<th>violation<\/th><td>1<\/td>[\s\S]*<th>unidentified<\/th><td>1<\/td>/);
    const again = await importDeclaration(context, { file: writeManifest(dir), licenceId: context.licenceId, trainingDate: '2026-02-01' });
    assert.deepEqual([again.duplicate, again.declaration_id, again.entries, again.identified], [true, outcome.declaration_id, 5, 4], 'the same manifest is recognized, not declared twice');
  });

  test('an opt-in licence reaches only the works granted; training before a reservation took effect is no violation', async () => {
    const context = await setUpAiLicence(await open());
    await setReservation(context, { work: 'T-345.246.852-5', use: 'ai_training', status: 'allowed', from: '2025-06-01' });
    await setReservation(context, { party: '00012345722', use: 'ai_training', status: 'constrained', constraint: 'no lyrics reproduced', from: '2025-06-01' });
    const optIn = await addLicence(context, { licensee: 'LSE00000001', model: 'Melodia', modelVersion: '1.0', from: '2025-01-01', to: '2025-12-31', uses: 'ai_training', scope: 'opt-in', division: 'pro-rata' });
    const declared = await importDeclaration(context, { file: writeManifest(tempDir()), licenceId: optIn.licence_id, trainingDate: '2025-09-01' });
    const audit = await auditDeclaration(context, declared.declaration_id);
    assert.deepEqual(ids(audit.report.licensed), ['W00000005', 'W00000002']);
    assert.match(audit.report.licensed[1].evidence, /constrained for party P\d+ .*no lyrics reproduced/);
    assert.deepEqual(ids(audit.report.unlicensed), ['W00000001', 'W00000004'], 'Harbour Lights was not yet reserved in 2025: unlicensed, not a violation');
    assert.deepEqual(audit.report.violation, []);
  });

  test('bad declarations are refused with coded, located errors and nothing is written', async () => {
    const context = await setUpAiLicence(await open());
    const dir = tempDir();
    const manifest = writeManifest(dir);
    const count = async () => Number((await context.store.db.selectFrom('ai_declarations').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    await assert.rejects(importDeclaration(context, { file: manifest, licenceId: context.licenceId, modelName: 'Melodia', modelVersion: '2.1' }), (e: unknown) => isClefError(e, 'CLEF_AI_MODEL_NOT_COVERED') && /covers Melodia 2\.0, not Melodia 2\.1/.test(e.message));
    await assert.rejects(importDeclaration(context, { file: manifest, licenceId: 'LIC99999999' }), (e: unknown) => isClefError(e, 'CLEF_NOT_FOUND'));
    const bad = join(dir, 'bad.csv');
    writeFileSync(bad, 'isrc,title\nCNA1M2600001,River of Stars\nXX,Broken\n');
    await assert.rejects(importDeclaration(context, { file: bad, licenceId: context.licenceId }), (e: unknown) => isClefError(e, 'CLEF_AI_MANIFEST_INVALID') && e.location?.line === 3 && e.location.field === 'isrc');
    const summary = join(dir, 'summary.json');
    writeFileSync(summary, JSON.stringify({ general_information: { provider: 'Melodia AI Ltd', model_name: 'Melodia', model_version: '3.0', modalities: ['audio'] }, list_of_data_sources: {}, data_processing: { tdm_opt_out_compliance: 'honoured' } }));
    await assert.rejects(importDeclaration(context, { file: manifest, licenceId: context.licenceId, summaryFile: summary }), (e: unknown) => isClefError(e, 'CLEF_AI_MODEL_NOT_COVERED'));
    writeFileSync(summary, '{"general_information": {}}');
    await assert.rejects(importDeclaration(context, { file: manifest, licenceId: context.licenceId, summaryFile: summary }), (e: unknown) => isClefError(e, 'CLEF_AI_SUMMARY_INVALID') && e.location?.file === summary);
    assert.equal(await count(), 0);
    assert.equal((await context.store.db.selectFrom('ai_declaration_entries').selectAll().execute()).length, 0);
  });
});
