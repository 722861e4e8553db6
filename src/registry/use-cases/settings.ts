import { ClefError } from '../../errors/index.js';
import { appendHistory, inTransaction, readSettingsRows, writeSettingsRows } from '../../store/index.js';
import type { CmoSettings, SisterSociety } from '../cmo-settings.js';
import { isRight, type Right } from '../right.js';
import { normalizeSocietyCode, unknownTerritories } from '../../lookups/index.js';
import type { RegistryContext } from './registry-context.js';
import { formatTerritoryChain, parseTerritoryChain } from './territory-chain-text.js';

/** The settings as stored: any of them may still be missing. */
export interface StoredSettings {
  readonly name?: string;
  readonly societyCode?: string;
  readonly currency?: string;
  readonly sisters: readonly SisterSociety[];
}

/** What `clef settings set` changes; omitted fields keep their value. */
export interface SettingsChange {
  readonly name?: string;
  readonly societyCode?: string;
  readonly currency?: string;
  /** Sister societies as `CODE:RIGHTS:TERRITORIES` (e.g. `052:PR;MR:2136`); given, they replace the list. */
  readonly sisters?: readonly string[];
}

/** Reads the CMO's settings. */
export async function showSettings(context: Pick<RegistryContext, 'store'>): Promise<StoredSettings> {
  const { settings, sisters } = await readSettingsRows(context.store.db);
  return {
    name: settings?.name ?? undefined,
    societyCode: settings?.society_code ?? undefined,
    currency: settings?.currency ?? undefined,
    sisters: sisters.map((row) => ({
      societyCode: row.society_code,
      rights: row.rights.split(';') as Right[],
      territories: parseTerritoryChain(row.territories),
    })),
  };
}

/** Changes the CMO's settings after checking society codes, currency and sister societies. */
export async function setSettings(context: RegistryContext, change: SettingsChange): Promise<StoredSettings> {
  const current = await showSettings(context);
  const societyCode = change.societyCode === undefined ? current.societyCode : checkSociety(context, change.societyCode, 'society');
  const currency = change.currency === undefined ? current.currency : checkCurrency(change.currency);
  const sisters = change.sisters?.map((text) => parseSister(context, text));
  await inTransaction(context.store.db, async (tx) => {
    await writeSettingsRows(
      tx,
      { name: change.name ?? current.name ?? null, society_code: societyCode ?? null, currency: currency ?? null },
      sisters?.map((sister) => ({
        society_code: sister.societyCode,
        rights: sister.rights.join(';'),
        territories: formatTerritoryChain(sister.territories),
      })),
    );
    await appendHistory(tx, [{ actor: context.actor, at: context.clock(), entityKind: 'settings', entityId: 'settings', action: 'set', detail: change }]);
  });
  return showSettings(context);
}

/** The complete settings, or a refusal naming the `clef settings set` option still to give. */
export async function requireSettings(context: Pick<RegistryContext, 'store'>, needed: readonly ('name' | 'societyCode' | 'currency')[]): Promise<CmoSettings> {
  const settings = await showSettings(context);
  const option = { name: '--name', societyCode: '--society', currency: '--currency' } as const;
  for (const key of needed) {
    if (!settings[key]) {
      throw new ClefError('CLEF_SETTINGS_MISSING', `the CMO's ${key === 'societyCode' ? 'society code' : key} is not set: run \`clef settings set ${option[key]} …\``);
    }
  }
  return { name: settings.name ?? '', societyCode: settings.societyCode ?? '', currency: settings.currency ?? '', sisters: settings.sisters };
}

function checkSociety(context: RegistryContext, code: string, field: string): string {
  const normalized = normalizeSocietyCode(code);
  if (!context.lookups.societies.has(normalized)) {
    throw new ClefError('CLEF_SETTINGS_INVALID', `society code ${code} is not in the CISAC society list (data/lookups/societies.csv)`, { field, value: code });
  }
  return normalized;
}

function checkCurrency(code: string): string {
  const upper = code.toUpperCase();
  if (!/^[A-Z]{3}$/.test(upper)) {
    throw new ClefError('CLEF_SETTINGS_INVALID', `currency ${code} is not an ISO 4217 code (three letters, like CNY or EUR)`, { field: 'currency', value: code });
  }
  return upper;
}

function parseSister(context: RegistryContext, text: string): SisterSociety {
  const [code, rightsText, territoriesText, ...rest] = text.split(':');
  if (!code || !rightsText || !territoriesText || rest.length > 0) {
    throw new ClefError('CLEF_SETTINGS_INVALID', `sister society "${text}" is not CODE:RIGHTS:TERRITORIES (e.g. --sister '052:PR;MR:2136', quoted so the shell keeps the ;)`, { field: 'sister', value: text });
  }
  const rights = rightsText.split(/[;,]/).map((right) => right.trim().toUpperCase());
  const bad = rights.find((right) => !isRight(right));
  if (bad !== undefined) {
    throw new ClefError('CLEF_SETTINGS_INVALID', `sister society "${text}": right ${bad} is not PR, MR or SR`, { field: 'sister', value: text });
  }
  const territories = parseTerritoryChain(territoriesText, 'sister');
  const unknown = unknownTerritories(context.lookups.territories, territories);
  if (unknown.length > 0) {
    throw new ClefError('CLEF_SETTINGS_INVALID', `sister society "${text}": unknown TIS territory ${unknown.join(', ')}`, { field: 'sister', value: text });
  }
  return { societyCode: checkSociety(context, code, 'sister'), rights: rights as Right[], territories };
}
