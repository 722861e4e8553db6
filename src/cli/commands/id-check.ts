import { setExitCode } from '../cli-io.js';
import { Command, Option } from 'commander';
import { identifierKinds, identifyValue, type IdentifierKind } from '../../identifiers/index.js';
import { printJson, printLine } from '../output.js';

/**
 * `clef id check VALUE… [--kind KIND] [--json]`: names each value's kind, prints its normalized
 * form and whether it is valid (with the reason), and exits with status 1 when any is invalid.
 */
export function idCheckCommand(): Command {
  const check = new Command('check')
    .description('check identifiers (ISWC, IPI base and name numbers, ISNI, ISRC, ICPN/EAN/UPC, DDEX party id)')
    .argument('<values...>', 'identifiers to check, in any usual notation')
    .addOption(new Option('--kind <kind>', 'read every value as this kind instead of guessing from its shape').choices(identifierKinds))
    .option('--json', 'print the results as JSON')
    .action((values: string[], options: { kind?: IdentifierKind; json?: boolean }) => {
      const results = values.map((value) => identifyValue(value, options.kind));
      if (options.json) printJson(results);
      else {
        for (const result of results) {
          const verdict = result.valid ? 'valid' : `invalid: ${result.reason}`;
          printLine(`${result.input}\t${result.kind}\t${result.normalized}\t${verdict}`);
        }
      }
      if (results.some((result) => !result.valid)) setExitCode(1);
    });
  return new Command('id').description('identifier tools').addCommand(check);
}
