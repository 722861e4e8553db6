import assert from 'node:assert/strict';
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { auditDeclaration } from '../../src/ai/use-cases/audit-declaration.js';
import { importDeclaration } from '../../src/ai/use-cases/import-declaration.js';
import { setReservation } from '../../src/ai/use-cases/reservations.js';
import { runAudioDemo } from '../../src/audio/index.js';
import { registryRecordingCatalogue } from '../../src/audio/use-cases/registry-recording-catalogue.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { setUpAiLicence } from './ai-setup.js';

describeEachEngine('AI training datasets', (open) => {
  test('audio in a dataset folder is identified and audited: an undeclared reserved recording is a violation, unknown audio unidentified', async () => {
    const store = await open();
    const context = await setUpAiLicence(store);
    await setReservation(context, { recording: 'CNA1M2600002', use: 'ai_training', status: 'notAllowed', from: '2025-06-01' });
    const dir = tempDir();
    const catalogue = registryRecordingCatalogue(store);
    const audio = await runAudioDemo(join(dir, 'audio'), join(dir, 'index'), () => new Date('2026-01-01T00:00:00Z'), { isrcs: ['CNA1M2600001', 'CNA1M2600002', 'CNA1M2600003'], catalogue });
    const dataset = join(dir, 'dataset');
    mkdirSync(dataset);
    copyFileSync(audio.query, join(dataset, 'clip-0001.wav'));
    writeFileSync(join(dataset, 'clip-0002.wav'), Buffer.from('RIFF not really a wave file'));
    const manifest = join(dir, 'manifest.csv');
    writeFileSync(manifest, 'isrc,title,artist\nCNA1M2600001,River of Stars,Li Wei\n');
    const declared = await importDeclaration(context, { file: manifest, licenceId: context.licenceId, trainingDate: '2026-02-01', dataset: { dir: dataset, indexDir: join(dir, 'index'), catalogue } });
    assert.deepEqual([declared.entries, declared.identified], [3, 2]);
    const audit = await auditDeclaration(context, declared.declaration_id);
    assert.deepEqual(audit.report.licensed.map((e) => [e.work_id, e.method]), [['W00000001', 'isrc']]);
    assert.deepEqual(audit.report.violation.map((e) => [e.work_id, e.isrc, e.method]), [['W00000002', 'CNA1M2600002', 'audio']]);
    assert.match(audit.report.violation[0].evidence, /clip-0001\.wav: audio matches CNA1M2600002 .*ai_training notAllowed for recording R\d+ since 2025-06-01/);
    assert.deepEqual(audit.report.unidentified.map((e) => e.method), ['none']);
    assert.match(audit.report.unidentified[0].evidence, /clip-0002\.wav: CLEF_AUDIO_/);
  });
});
