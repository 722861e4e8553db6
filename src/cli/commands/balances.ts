import { Command } from 'commander';
import { normalizeSocietyCode } from '../../lookups/index.js';
import { printJson, printLine } from '../output.js';
import { formatTable, readableAmount } from '../print-table.js';
import { readRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const listBalances = lazily(() => import('../../distribution/use-cases/balances.js'), 'listBalances');
const showSettings = lazily(() => import('../../registry/use-cases/settings.js'), 'showSettings');

/** `clef balances [--party ID|IPI|SOCIETY] [--json]`: what each member and sister society is owed across runs. */
export function balancesCommand(): Command {
  return withStoreOptions(
    new Command('balances')
      .option('--party <id>', 'only this party (party id or IPI name number) or sister society code')
      .option('--json', 'print JSON: an array of {kind, id, name, ipi_name_numbers, amount_micros}')
      .description('what each member and sister society is owed across runs, as decimals in the CMO currency beside exact micro-units'),
  ).action(async (options) => {
    await readRegistry(options, async (context) => {
      const balances = await listBalances(context, options.party);
      if (options.json) return printJson(balances);
      const amountColumns = [`amount (${(await showSettings(context)).currency ?? ''})`, 'micro-units'];
      const name = (b: (typeof balances)[number]) => (b.kind === 'society' ? (context.lookups.societies.get(normalizeSocietyCode(b.id))?.name ?? b.name) : b.name);
      printLine(formatTable(['kind', 'id', 'IPI', 'name', ...amountColumns], balances.map((b) => [b.kind, b.id, b.ipi_name_numbers.join(' '), name(b), readableAmount(b.amount_micros), b.amount_micros]), amountColumns));
    });
  });
}
