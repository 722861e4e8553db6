import { Command } from 'commander';
import { printJson, printLine } from '../output.js';
import { readRegistry, withRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const listDspLicences = lazily(() => import('../../distribution/use-cases/dsp-licences.js'), 'listDspLicences');
const setDspLicence = lazily(() => import('../../distribution/use-cases/dsp-licences.js'), 'setDspLicence');

/** `clef dsps licence set DPID --rate R [--commercial-model M] [--use-type U] [--rights PR,MR] [--territories T] [--per-subscriber-minimum A] [--rights-controller NAME]`. */
export function dspsLicenceSetCommand(): Command {
  return withStoreOptions(
    new Command('set')
      .argument('<dpid>', 'the DSP\'s DDEX party id')
      .requiredOption('--rate <rate>', 'royalty rate on NetRevenue, e.g. 0.12')
      .option('--commercial-model <model>', 'only this CommercialModel (default: all)')
      .option('--use-type <type>', 'only this UseType (default: all)')
      .option('--rights <rights>', 'rights covered: PR, MR or PR,MR (default: both)')
      .option('--territories <chain>', 'TIS territory chain where it applies, e.g. "2136 E0250" (default: the World)')
      .option('--per-subscriber-minimum <amount>', 'minimum royalty per subscriber, in the report\'s currency')
      .option('--rights-controller <name>', 'the CMO\'s rights controller name or party id in this DSP\'s UGC reports')
      .option('--json', 'print JSON')
      .description('set the CMO\'s licence with a DSP (omitted options mean all)'),
  ).action(async (dpid: string, options) => {
    await withRegistry(options, async (context) => {
      const licence = await setDspLicence(context, {
        dpid, rate: options.rate, commercialModel: options.commercialModel, useType: options.useType, rights: options.rights,
        territories: options.territories, perSubscriberMinimum: options.perSubscriberMinimum, rightsController: options.rightsController,
      });
      if (options.json) printJson(licence);
      else printLine(`${licence.dpid} ${licence.commercial_model}/${licence.use_type} rate ${licence.rate} ${licence.rights} ${licence.territories}`);
    });
  });
}

/** `clef dsps licence list [DPID] [--json]`. */
export function dspsLicenceListCommand(): Command {
  return withStoreOptions(new Command('list').argument('[dpid]', 'only this DSP').option('--json', 'print JSON').description('list the licences')).action(async (dpid: string | undefined, options) => {
    await readRegistry(options, async (context) => {
      const licences = await listDspLicences(context, dpid);
      if (options.json) return printJson(licences);
      for (const l of licences) printLine([l.dpid, l.commercial_model, l.use_type, l.rate, l.rights, l.territories, l.per_subscriber_minimum_micros ?? ''].join('\t'));
    });
  });
}

/** `clef dsps licence set|list`: the CMO's licences with the DSPs, which decide whether and how a report is distributed. */
export function dspsLicenceCommand(): Command {
  return new Command('licence').description('the CMO\'s licences with a DSP: rate, rights, territories, minimum').addCommand(dspsLicenceSetCommand()).addCommand(dspsLicenceListCommand());
}
