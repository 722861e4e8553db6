import { Command } from 'commander';
import { auditCategories } from '../../ai/audit-category.js';
import { printJson, printLine } from '../output.js';
import { withRegistry, withStoreOptions } from '../registry-session.js';
import { audioIndexDirOf, catalogueOf } from './audio-options.js';
import { lazily } from '../lazily.js';

const auditDeclaration = lazily(() => import('../../ai/use-cases/audit-declaration.js'), 'auditDeclaration');
const writeAudit = lazily(() => import('../../ai/use-cases/audit-declaration.js'), 'writeAudit');
const importDeclaration = lazily(() => import('../../ai/use-cases/import-declaration.js'), 'importDeclaration');

/** `clef ai declarations import FILE --licence ID [--dataset DIR] [--summary FILE] [--model] [--model-version] [--trained-on]`. */
export function aiDeclarationsCommand(): Command {
  const importCommand = withStoreOptions(
    new Command('import')
      .argument('<file>', 'the training-data manifest, CSV or JSON')
      .requiredOption('--licence <id>', 'the licence (LIC…) the training is declared under')
      .option('--dataset <dir>', 'a folder of the training audio, scanned against the audio index')
      .option('--index <dir>', 'the audio index folder (default beside --db)')
      .option('--summary <file>', 'the EU AI Act training-content summary (JSON)')
      .option('--model <name>', 'the model trained (default: the manifest\'s, the summary\'s, the licence\'s)')
      .option('--model-version <version>', 'its version')
      .option('--trained-on <date>', 'when it was trained, YYYY-MM-DD')
      .option('--json', 'print JSON')
      .description('import a licensee\'s training-data declaration and identify its entries'),
  ).action(async (file: string, options) => {
    const dataset = options.dataset ? { dir: options.dataset as string, indexDir: audioIndexDirOf(options), catalogue: await catalogueOf(options) } : undefined;
    await withRegistry(options, async (context) => {
      const outcome = await importDeclaration(context, {
        file, licenceId: options.licence, summaryFile: options.summary, dataset, modelName: options.model, modelVersion: options.modelVersion, trainingDate: options.trainedOn,
      });
      if (options.json) return printJson(outcome);
      if (outcome.duplicate) return printLine(`${outcome.declaration_id}: the same manifest was already declared; nothing imported`);
      printLine(`${outcome.declaration_id}: ${outcome.entries} entries for ${outcome.model} trained on ${outcome.training_date}, ${outcome.identified} identified`);
    });
  });
  return new Command('declarations').description('training-data declarations').addCommand(importCommand);
}

/** `clef ai audit DECLARATION_ID [--json] [--out DIR]`. */
export function aiAuditCommand(): Command {
  return withStoreOptions(
    new Command('audit')
      .argument('<declarationId>', 'the declaration (DCL…)')
      .option('--json', 'print the audit as JSON: licensed, violation, unlicensed, unidentified')
      .option('--out <dir>', 'also write the audit as JSON and a readable HTML report')
      .description('sort a declaration\'s entries into licensed, violation, unlicensed and unidentified'),
  ).action(async (declarationId: string, options) => {
    await withRegistry(options, async (context) => {
      const audit = await auditDeclaration(context, declarationId);
      const files = options.out ? await writeAudit(context, audit, options.out) : [];
      if (options.json) return printJson(audit.report);
      printLine(`audit of ${declarationId} (${audit.declaration.model_name} ${audit.declaration.model_version}, licence ${audit.licence.licenceId}, trained on ${audit.declaration.training_date})`);
      for (const category of auditCategories) {
        printLine(`${category}: ${audit.report[category].length}`);
        if (category !== 'licensed') for (const e of audit.report[category]) printLine(`  ${e.work_id ?? e.recording_id ?? '-'}\t${e.isrc ?? ''}\t${e.evidence}`);
      }
      for (const f of files) printLine(f);
    });
  });
}
