import { Command } from 'commander';
import { printJson, printLine } from '../output.js';
import { KEYS_OPTION_HELP, keyFolderOf } from './label-options.js';

/** `clef keys list`: the keys and certificates of the key folder, with whose they are. */
export function keysListCommand(): Command {
  return new Command('list')
    .description('list the keys and certificates in the key folder')
    .option('--keys <dir>', KEYS_OPTION_HELP)
    .option('--db <location>', 'the store (not used: keys live in the key folder)')
    .option('--json', 'write JSON only')
    .action(async (options: { keys?: string; json?: boolean }) => {
      const { listKeys } = await import('../../labels/index.js');
      const folder = listKeys(keyFolderOf(options.keys));
      if (options.json) printJson(folder);
      else {
        printLine(`CMO: ${folder.cmo}`);
        for (const k of folder.keys) printLine(`${k.id}\t${k.kind}\t${k.role}\t${k.party}\t${k.privateKey ? 'private key held' : 'public only'}`);
      }
    });
}
