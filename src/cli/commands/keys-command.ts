import { Command } from 'commander';
import { keysImportCommand } from './keys-import.js';
import { keysInitCommand } from './keys-init.js';
import { keysListCommand } from './keys-list.js';

/** `clef keys`: the CMO's label signing keys and the keys verification trusts. */
export function keysCommand(): Command {
  return new Command('keys')
    .description('label signing keys: make the development CA and keys, import supplied ones, list them')
    .addCommand(keysInitCommand())
    .addCommand(keysImportCommand())
    .addCommand(keysListCommand());
}
