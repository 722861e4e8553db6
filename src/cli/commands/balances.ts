import { Command } from 'commander';
import { printJson, printLine } from '../output.js';
import { readRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const listBalances = lazily(() => import('../../distribution/use-cases/balances.js'), 'listBalances');

/** `clef balances [--party ID|IPI|SOCIETY] [--json]`: what each member and sister society is owed across runs. */
export function balancesCommand(): Command {
  return withStoreOptions(
    new Command('balances')
      .option('--party <id>', 'only this party (party id or IPI name number) or sister society code')
      .option('--json', 'print JSON: an array of {kind, id, name, ipi_name_numbers, amount_micros}')
      .description('what each member and sister society is owed across runs, in micro-units'),
  ).action(async (options) => {
    await readRegistry(options, async (context) => {
      const balances = await listBalances(context, options.party);
      if (options.json) return printJson(balances);
      for (const b of balances) printLine([b.kind, b.id, b.name, b.amount_micros].join('\t'));
    });
  });
}
