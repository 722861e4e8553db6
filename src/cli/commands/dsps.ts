import { Command } from 'commander';
import { printJson, printLine } from '../output.js';
import { dspsLicenceCommand } from './dsps-licence.js';
import { readRegistry, withRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const addDsp = lazily(() => import('../../usage/use-cases/dsps.js'), 'addDsp');
const listDsps = lazily(() => import('../../usage/use-cases/dsps.js'), 'listDsps');

/** `clef dsps add DPID --name NAME [--alias A…]`. */
export function dspsAddCommand(): Command {
  return withStoreOptions(
    new Command('add')
      .argument('<dpid>', 'the DSP\'s DDEX party id (DPID), as in the SenderPartyId of its reports')
      .requiredOption('--name <name>', 'display name')
      .option('--alias <name...>', 'other names the DSP goes by')
      .option('--json', 'print JSON')
      .description('add a DSP, or rename it and set its aliases'),
  ).action(async (dpid: string, options) => {
    await withRegistry(options, async (context) => {
      const dsp = await addDsp(context, dpid, options.name, options.alias ?? []);
      if (options.json) printJson(dsp);
      else printLine(`${dsp.dpid} ${dsp.name}${dsp.aliases.length ? ` (${dsp.aliases.join(', ')})` : ''}`);
    });
  });
}

/** `clef dsps list [--json]`. */
export function dspsListCommand(): Command {
  return withStoreOptions(new Command('list').option('--json', 'print JSON: an array of {dpid, name, aliases}').description('list the DSPs')).action(async (options) => {
    await readRegistry(options, async (context) => {
      const dsps = await listDsps(context);
      if (options.json) return printJson(dsps);
      for (const dsp of dsps) printLine(`${dsp.dpid}\t${dsp.name}${dsp.aliases.length ? `\t${dsp.aliases.join(', ')}` : ''}`);
    });
  });
}

/** The subcommands of `clef dsps`; another part adds its own (e.g. `licence`) with one entry here. */
export const dspsSubcommands: Array<() => Command> = [dspsAddCommand, dspsListCommand, dspsLicenceCommand];

/** `clef dsps`: the digital services that send usage reports, by DDEX party id. */
export function dspsCommand(): Command {
  const dsps = new Command('dsps').description('digital services (DSPs) by DDEX party id: names, aliases');
  for (const make of dspsSubcommands) dsps.addCommand(make());
  return dsps;
}
