import { Command } from 'commander';
import { printJson, printLine } from '../output.js';
import { withRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const addLicence = lazily(() => import('../../ai/use-cases/licences.js'), 'addLicence');
const addLicensee = lazily(() => import('../../ai/use-cases/licences.js'), 'addLicensee');
const listLicences = lazily(() => import('../../ai/use-cases/licences.js'), 'listLicences');
const listLicensees = lazily(() => import('../../ai/use-cases/licences.js'), 'listLicensees');
const showLicence = lazily(() => import('../../ai/use-cases/licences.js'), 'showLicence');

/** `clef ai licensees add|list`: AI developers. */
export function aiLicenseesCommand(): Command {
  const add = withStoreOptions(
    new Command('add')
      .requiredOption('--name <name>', 'legal name')
      .requiredOption('--country <code>', 'ISO 3166-1 alpha-2 country')
      .option('--registration-number <number>', 'company registration number')
      .option('--contact <contact>', 'contact (e-mail, person)')
      .option('--json', 'print JSON')
      .description('add an AI developer as licensee'),
  ).action(async (options) => {
    await withRegistry(options, async (context) => {
      const row = await addLicensee(context, options);
      if (options.json) return printJson(row);
      printLine(`${row.licensee_id}: ${row.legal_name} (${row.country})`);
    });
  });
  const list = withStoreOptions(new Command('list').option('--json', 'print JSON').description('list the licensees')).action(async (options) => {
    await withRegistry(options, async (context) => {
      const rows = await listLicensees(context);
      if (options.json) return printJson(rows);
      for (const r of rows) printLine([r.licensee_id, r.legal_name, r.country, r.registration_number ?? '', r.contact ?? ''].join('\t'));
    });
  });
  return new Command('licensees').description('AI developers that take licences').addCommand(add).addCommand(list);
}

/** `clef ai licences add|list|show`: licences per model version. */
export function aiLicencesCommand(): Command {
  const add = withStoreOptions(
    new Command('add')
      .requiredOption('--licensee <id>', 'the licensee (LSE…)')
      .requiredOption('--model <name>', 'the model\'s name')
      .requiredOption('--model-version <version>', 'the model version (a retrained version needs a new licence)')
      .requiredOption('--from <date>', 'term start YYYY-MM-DD')
      .requiredOption('--to <date>', 'term end YYYY-MM-DD')
      .option('--uses <uses>', 'CAWG uses granted, comma-separated', 'ai_training,ai_generative_training')
      .option('--outputs <text>', 'the outputs that may be distributed')
      .option('--output-territories <tis>', 'TIS territories where outputs may be distributed', '2136')
      .requiredOption('--scope <scope>', 'opt-in (opted-in works only) or not-reserved (every work not reserved)')
      .option('--division <rule>', 'how the training fee is divided: equal, pro-rata or attribution', 'equal')
      .option('--training-fee <amount>', 'fixed training fee, booked in the term\'s first month')
      .option('--revenue-share <percent>', 'share of the service\'s net revenue')
      .option('--minimum-guarantee <amount>', 'minimum revenue share per month')
      .option('--output-rate <percent>', 'share of output-use revenue')
      .option('--currency <code>', 'the CMO\'s currency (the default)')
      .option('--json', 'print JSON')
      .description('grant a licence for one model version'),
  ).action(async (options) => {
    await withRegistry(options, async (context) => {
      const licence = await addLicence(context, options);
      if (options.json) return printJson(licence);
      printLine(`${licence.licence_id}: ${licence.model_name} ${licence.model_version} for ${licence.licensee_id}, ${licence.term_start} to ${licence.term_end}, ${licence.scope}, fee ${licence.fee_division}`);
    });
  });
  const list = withStoreOptions(new Command('list').option('--licensee <id>', 'only this licensee\'s').option('--json', 'print JSON').description('list the licences')).action(async (options) => {
    await withRegistry(options, async (context) => {
      const rows = await listLicences(context, options.licensee);
      if (options.json) return printJson(rows);
      for (const r of rows) printLine([r.licence_id, r.licensee_id, `${r.model_name} ${r.model_version}`, r.term_start, r.term_end, r.scope, r.fee_division].join('\t'));
    });
  });
  const show = withStoreOptions(new Command('show').argument('<licenceId>', 'the licence (LIC…)').option('--json', 'print JSON').description('show a licence')).action(async (licenceId: string, options) => {
    await withRegistry(options, async (context) => {
      const l = await showLicence(context, licenceId);
      if (options.json) return printJson(l);
      printLine(`licence ${l.licence_id}: ${l.model_name} ${l.model_version}`);
      printLine(`licensee    ${l.licensee.licensee_id} ${l.licensee.legal_name} (${l.licensee.country})`);
      printLine(`term        ${l.term_start} to ${l.term_end}`);
      printLine(`uses        ${l.uses}; outputs ${l.outputs ?? '-'} in ${l.output_territories}`);
      printLine(`scope       ${l.scope}; fee division ${l.fee_division}`);
      printLine(`money       fee ${l.training_fee_micros}, revenue share ${l.revenue_share_bp} bp, minimum ${l.minimum_guarantee_micros}/month, output rate ${l.output_rate_bp} bp (micro-units of ${l.currency})`);
    });
  });
  return new Command('licences').description('AI licences, one per model version').addCommand(add).addCommand(list).addCommand(show);
}
