import { Command } from 'commander';
import { formatLocation } from '../../errors/index.js';
import { printJson, printLine, printNotice } from '../output.js';
import { withRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const importAcks = lazily(() => import('../../registry/use-cases/import-acks.js'), 'importAcks');

/** `clef acks import FILE`: a society's CWR acknowledgements of the works Clef sent. */
export function acksCommand(): Command {
  const acks = new Command('acks').description("societies' CWR acknowledgements: statuses, society work numbers, ISWCs");
  withStoreOptions(
    acks
      .command('import')
      .argument('<file>', 'a CWR ACK file from a society (2.x or 3.x)')
      .description('store per work and society the status, work number, date, ISWC and messages; report what cannot be stored')
      .option('--json', 'print JSON'),
  ).action(async (file: string, options) => {
    await withRegistry(options, async (context) => {
      const summary = await importAcks(context, file);
      if (options.json) return printJson(summary);
      for (const finding of summary.findings) printNotice(`${finding.code} ${formatLocation(finding.location)}: ${finding.message}`);
      printLine(summary.duplicate ? `${summary.file}: already imported, nothing stored` : `${summary.file} (society ${summary.societyCode}): ${summary.read} read, ${summary.stored} stored, ${summary.reported} reported`);
    });
  });
  return acks;
}
