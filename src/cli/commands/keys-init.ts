import { Command } from 'commander';
import { lazily } from '../lazily.js';

const initKeyFolder = lazily(() => import('../../labels/index.js'), 'initKeyFolder');
import { printJson, printLine } from '../output.js';
import { KEYS_OPTION_HELP, keyFolderOf } from './label-options.js';

/** `clef keys init`: makes the CMO's development CA, C2PA signing certificate and Ed25519 label key. */
export function keysInitCommand(): Command {
  return new Command('init')
    .description("make the CMO's development CA, a C2PA signing certificate it issues and an Ed25519 key for implicit labels")
    .requiredOption('--name <cmo>', "the CMO's name, written into the certificates")
    .option('--keys <dir>', KEYS_OPTION_HELP)
    .option('--db <location>', 'the store (not used: keys live in the key folder)')
    .option('--json', 'write JSON only')
    .action(async (options: { name: string; keys?: string; json?: boolean }) => {
      const dir = keyFolderOf(options.keys);
      const entries = await initKeyFolder(dir, options.name, new Date());
      if (options.json) printJson({ keys: dir, entries });
      else {
        printLine(`key folder ${dir} made (private keys mode 0600):`);
        for (const entry of entries) printLine(`  ${entry.id}\t${entry.kind}\t${entry.role}\t${entry.party}`);
      }
    });
}
