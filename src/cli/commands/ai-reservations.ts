import { Command } from 'commander';
import { reservationExportFormats } from '../../ai/reservation-export-format.js';
import { printJson, printLine } from '../output.js';
import { withRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const exportReservations = lazily(() => import('../../ai/use-cases/export-reservations.js'), 'exportReservations');
const listReservations = lazily(() => import('../../ai/use-cases/reservations.js'), 'listReservations');
const setReservation = lazily(() => import('../../ai/use-cases/reservations.js'), 'setReservation');

/** `clef ai reservations set (--work|--recording|--party|--repertoire) --use USE --status STATUS [--constraint] --from DATE`. */
function reservationsSetCommand(): Command {
  return withStoreOptions(
    new Command('set')
      .option('--work <id>', 'a work id or ISWC')
      .option('--recording <id>', 'a recording id or ISRC')
      .option('--party <id>', 'a party id or IPI name number: all its works')
      .option('--repertoire', 'the CMO\'s default for its whole repertoire')
      .requiredOption('--use <use>', 'data_mining, ai_training, ai_generative_training or ai_inference')
      .requiredOption('--status <status>', 'allowed, notAllowed or constrained')
      .option('--constraint <text>', 'the condition of a constrained use')
      .requiredOption('--from <date>', 'effective from YYYY-MM-DD')
      .option('--json', 'print JSON')
      .description('reserve or grant an AI-training use (CAWG) for a work, recording, party or the repertoire'),
  ).action(async (options) => {
    await withRegistry(options, async (context) => {
      const row = await setReservation(context, options);
      if (options.json) return printJson(row);
      printLine(`${row.reservation_id}: ${row.use_code} ${row.status} for ${row.scope_kind}${row.scope_id ? ` ${row.scope_id}` : ''} from ${row.effective_from}`);
    });
  });
}

/** `clef ai reservations list [--json]`: every reservation with its history. */
function reservationsListCommand(): Command {
  return withStoreOptions(new Command('list').option('--json', 'print JSON').description('list the reservations, oldest first (history kept)')).action(async (options) => {
    await withRegistry(options, async (context) => {
      const rows = await listReservations(context);
      if (options.json) return printJson(rows);
      for (const r of rows) printLine([r.reservation_id, r.scope_kind, r.scope_id ?? '', r.use_code, r.status, r.constraint_info ?? '', r.effective_from].join('\t'));
    });
  });
}

/** `clef ai reservations export --format tdmrep|aipref|cawg|csv --out PATH [--date] [--site]`. */
function reservationsExportCommand(): Command {
  return withStoreOptions(
    new Command('export')
      .requiredOption('--format <format>', reservationExportFormats.join(', '))
      .requiredOption('--out <path>', 'a folder (tdmrep, aipref) or a file (cawg, csv)')
      .option('--date <date>', 'resolve the reservations at YYYY-MM-DD (default today)')
      .option('--site <origin>', 'the site the paths belong to, for the TDMRep policy URL (e.g. https://cmo.example)')
      .description('export the effective reservations as TDMRep, aipref, CAWG assertions or CSV'),
  ).action(async (options) => {
    await withRegistry(options, async (context) => {
      for (const file of await exportReservations(context, options)) printLine(file);
    });
  });
}

/** `clef ai reservations set|list|export`. */
export function aiReservationsCommand(): Command {
  return new Command('reservations').description('AI-training rights reservations (opt-out and opt-in)').addCommand(reservationsSetCommand()).addCommand(reservationsListCommand()).addCommand(reservationsExportCommand());
}
