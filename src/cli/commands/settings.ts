import { Command } from 'commander';
import type { StoredSettings } from '../../registry/use-cases/settings.js';
import { printJson, printLine } from '../output.js';
import { readRegistry, withRegistry, withStoreOptions } from '../registry-session.js';
import { formatTerritoryChain } from '../../registry/use-cases/territory-chain-text.js';
import { lazily } from '../lazily.js';

const setSettings = lazily(() => import('../../registry/use-cases/settings.js'), 'setSettings');
const showSettings = lazily(() => import('../../registry/use-cases/settings.js'), 'showSettings');

function collect(value: string, previous: string[] = []): string[] {
  return [...previous, value];
}

function printSettings(settings: StoredSettings, json: boolean): void {
  const view = {
    name: settings.name ?? null,
    society_code: settings.societyCode ?? null,
    currency: settings.currency ?? null,
    sister_societies: settings.sisters.map((sister) => ({
      society_code: sister.societyCode,
      rights: sister.rights,
      territories: formatTerritoryChain(sister.territories),
    })),
  };
  if (json) return printJson(view);
  printLine(`name:          ${view.name ?? '(not set)'}`);
  printLine(`society code:  ${view.society_code ?? '(not set)'}`);
  printLine(`currency:      ${view.currency ?? '(not set)'}`);
  printLine(`sister societies: ${view.sister_societies.length === 0 ? '(none)' : ''}`);
  for (const sister of view.sister_societies) printLine(`  ${sister.society_code}  ${sister.rights.join(';')}  ${sister.territories}`);
}

/** `clef settings set|show`: the CMO's name, society code, currency and sister societies. */
export function settingsCommand(): Command {
  const settings = new Command('settings').description("the CMO's own settings");
  withStoreOptions(
    settings
      .command('set')
      .description('set the CMO name, CISAC society code, currency and sister societies')
      .option('--name <name>', "the CMO's name")
      .option('--society <code>', 'its CISAC society code (data/lookups/societies.csv)')
      .option('--currency <iso4217>', 'the currency it distributes in')
      .option('--sister <code:rights:territories>', "a sister society with a reciprocal agreement, e.g. '052:PR;MR:2136' quoted for the shell (repeatable; replaces the list)", collect)
      .option('--json', 'print JSON'),
  ).action(async (options) => {
    await withRegistry(options, async (context) => {
      const result = await setSettings(context, {
        name: options.name,
        societyCode: options.society,
        currency: options.currency,
        sisters: options.sister,
      });
      printSettings(result, Boolean(options.json));
    });
  });
  withStoreOptions(settings.command('show').description('show the settings').option('--json', 'print JSON')).action(async (options) => {
    await readRegistry(options, async (context) => printSettings(await showSettings(context), Boolean(options.json)));
  });
  return settings;
}
