import { Command } from 'commander';
import { printJson, printLine } from '../output.js';
import { withRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const setFxRate = lazily(() => import('../../distribution/use-cases/fx-rates.js'), 'setFxRate');

/** `clef fx set FROM TO PERIOD RATE`: the exchange rate runs convert a month's pools with. */
export function fxSetCommand(): Command {
  return withStoreOptions(
    new Command('set')
      .argument('<from>', 'currency of the reports, e.g. EUR')
      .argument('<to>', 'the CMO\'s currency, e.g. CNY')
      .argument('<period>', 'the month, YYYY-MM')
      .argument('<rate>', 'units of TO per unit of FROM, e.g. 7.8125')
      .option('--json', 'print JSON')
      .description('record an exchange rate for a month'),
  ).action(async (from: string, to: string, period: string, rate: string, options) => {
    await withRegistry(options, async (context) => {
      const recorded = await setFxRate(context, { from, to, period, rate });
      if (options.json) printJson(recorded);
      else printLine(`1 ${recorded.from} = ${recorded.rate} ${recorded.to} in ${recorded.period}`);
    });
  });
}

/** `clef fx`: exchange rates, recorded among each run's inputs. */
export function fxCommand(): Command {
  return new Command('fx').description('exchange rates into the CMO\'s currency, per month').addCommand(fxSetCommand());
}
