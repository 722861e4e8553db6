import { Command } from 'commander';
import { printJson, printLine } from '../output.js';
import { readRegistry, withStoreOptions } from '../registry-session.js';
import { lazily } from '../lazily.js';

const readHistory = lazily(() => import('../../store/index.js'), 'readHistory');

/** `clef history ID`: every change to a work, party or setting — who, when, what. */
export function historyCommand(): Command {
  return withStoreOptions(new Command('history').argument('<id>', 'a work, party or member id').description('who changed what, when').option('--json', 'print JSON')).action(
    async (id: string, options) => {
      await readRegistry(options, async (context) => {
        const entries = (await readHistory(context.store.db, id)).map((e) => ({ at: e.at, actor: e.actor, action: e.action, detail: JSON.parse(e.detail) as unknown }));
        if (options.json) return printJson(entries);
        if (entries.length === 0) printLine(`no history for ${id}`);
        for (const entry of entries) printLine(`${entry.at}  ${entry.actor}  ${entry.action}  ${JSON.stringify(entry.detail)}`);
      });
    },
  );
}
