import type { Kysely } from 'kysely';
import { ClefError } from '../../errors/index.js';
import { parseDecimalToMicros, parsePercentToBasisPoints } from '../../money/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { requireSettings } from '../../registry/use-cases/settings.js';
import { formatTerritoryChain, parseTerritoryChain } from '../../registry/use-cases/territory-chain-text.js';
import { isIsoDate } from '../../calendar/index.js';
import { findLicenceRow, findLicenseeRow, insertLicence, insertLicensee, listLicenceRows, listLicenseeRows } from '../../store/ai/licence-queries.js';
import { inTransaction, nextIds, type ClefDatabase } from '../../store/index.js';
import { feeDivisions, licenceScopes, type AiLicence, type FeeDivision, type LicenceScope } from '../ai-licence.js';
import { parseTrainingUse, trainingUses, type TrainingUse } from '../training-use.js';

/** What `clef ai licensees add` asks for. */
export interface LicenseeInput {
  readonly name: string;
  /** ISO 3166-1 alpha-2. */
  readonly country: string;
  readonly registrationNumber?: string;
  readonly contact?: string;
}

/** What `clef ai licences add` asks for; amounts are decimals in the licence's currency, percentages like `30` or `12.5%`. */
export interface LicenceInput {
  readonly licensee: string;
  readonly model: string;
  readonly modelVersion: string;
  readonly from: string;
  readonly to: string;
  /** CAWG uses granted, comma- or semicolon-separated. */
  readonly uses: string;
  readonly outputs?: string;
  /** TIS territories where outputs may be distributed (default the World). */
  readonly outputTerritories?: string;
  readonly scope: string;
  readonly division: string;
  readonly trainingFee?: string;
  readonly revenueShare?: string;
  readonly minimumGuarantee?: string;
  readonly outputRate?: string;
  /** The licence's currency; must be the CMO's (default). */
  readonly currency?: string;
}

/** A licence as commands print it: amounts as strings of micro-units. */
export type LicenceView = Omit<ClefDatabase['ai_licences'], 'training_fee_micros' | 'revenue_share_bp' | 'minimum_guarantee_micros' | 'output_rate_bp'> & {
  readonly training_fee_micros: string;
  readonly revenue_share_bp: string;
  readonly minimum_guarantee_micros: string;
  readonly output_rate_bp: string;
};

function invalid(message: string, field: string, value?: string): ClefError {
  return new ClefError('CLEF_AI_LICENCE_INVALID', message, { field, ...(value === undefined ? {} : { value }) });
}

function amount(text: string | undefined, field: string): bigint {
  if (text === undefined) return 0n;
  try {
    const micros = parseDecimalToMicros(text.trim());
    if (micros >= 0n) return micros;
  } catch {
    // reported below with the field
  }
  throw invalid(`${field} must be a non-negative decimal amount with at most 6 decimals, not ${text}`, field, text);
}

function percent(text: string | undefined, field: string): bigint {
  if (text === undefined) return 0n;
  let bp: bigint | undefined;
  try {
    bp = parsePercentToBasisPoints(text);
  } catch {
    bp = undefined;
  }
  if (bp === undefined || bp < 0n || bp > 10_000n) throw invalid(`${field} must be a percentage from 0 to 100 with at most 2 decimals, not ${text}`, field, text);
  return bp;
}

/** Records an AI developer as a licensee. */
export async function addLicensee(context: RegistryContext, input: LicenseeInput): Promise<ClefDatabase['ai_licensees']> {
  if (input.name.trim() === '') throw invalid('a licensee needs its legal name', '--name');
  if (!/^[A-Za-z]{2}$/.test(input.country.trim())) throw invalid(`--country takes an ISO 3166-1 alpha-2 code, not ${input.country}`, '--country', input.country);
  return inTransaction(context.store.db, async (tx) => {
    const [licenseeId] = await nextIds(tx, 'ai_licensee', 'LSE', 1);
    const row = {
      licensee_id: licenseeId, legal_name: input.name.trim(), country: input.country.trim().toUpperCase(), registration_number: input.registrationNumber?.trim() || null,
      contact: input.contact?.trim() || null, created_at: context.clock(), actor: context.actor,
    };
    await insertLicensee(tx, row);
    return row;
  });
}

/** Every licensee. */
export async function listLicensees(context: Pick<RegistryContext, 'store'>): Promise<ClefDatabase['ai_licensees'][]> {
  return listLicenseeRows(context.store.db);
}

function usesOf(text: string): TrainingUse[] {
  const uses = text.split(/[;,\s]+/).filter(Boolean).map((u) => {
    const use = parseTrainingUse(u);
    if (!use) throw invalid(`--uses takes ${trainingUses.join(', ')}, not ${u}`, '--uses', u);
    return use;
  });
  if (uses.length === 0) throw invalid('a licence grants at least one use', '--uses');
  return [...new Set(uses)];
}

function view(row: ClefDatabase['ai_licences']): LicenceView {
  return {
    ...row, training_fee_micros: String(row.training_fee_micros), revenue_share_bp: String(row.revenue_share_bp),
    minimum_guarantee_micros: String(row.minimum_guarantee_micros), output_rate_bp: String(row.output_rate_bp),
  };
}

/** Grants a licence for one model name and version to a licensee: term, uses, outputs, repertoire scope, division rule and money. */
export async function addLicence(context: RegistryContext, input: LicenceInput): Promise<LicenceView> {
  if (input.model.trim() === '') throw invalid('a licence names its model', '--model');
  if (input.modelVersion.trim() === '') throw invalid('a licence is for one model version (a retrained model needs a new licence)', '--model-version');
  for (const [field, date] of [['--from', input.from], ['--to', input.to]] as const) if (!isIsoDate(date)) throw invalid(`${field} must be a date YYYY-MM-DD, not ${date}`, field, date);
  if (input.to < input.from) throw invalid(`the term ends (${input.to}) before it starts (${input.from})`, '--to', input.to);
  if (!(licenceScopes as readonly string[]).includes(input.scope)) throw invalid(`--scope takes ${licenceScopes.join(' or ')}, not ${input.scope}`, '--scope', input.scope);
  if (!(feeDivisions as readonly string[]).includes(input.division)) throw invalid(`--division takes ${feeDivisions.join(', ')}, not ${input.division}`, '--division', input.division);
  const { currency: cmoCurrency } = await requireSettings(context, ['currency']);
  const currency = (input.currency ?? cmoCurrency!).trim().toUpperCase();
  if (currency !== cmoCurrency) throw invalid(`the licence's currency must be the CMO's (${cmoCurrency}), not ${currency}`, '--currency', currency);
  let outputTerritories: string;
  try {
    outputTerritories = formatTerritoryChain(parseTerritoryChain(input.outputTerritories ?? '2136', '--output-territories'));
  } catch (error) {
    throw invalid((error as Error).message, '--output-territories', input.outputTerritories);
  }
  const uses = usesOf(input.uses);
  const money = {
    training_fee_micros: amount(input.trainingFee, '--training-fee'), revenue_share_bp: percent(input.revenueShare, '--revenue-share'),
    minimum_guarantee_micros: amount(input.minimumGuarantee, '--minimum-guarantee'), output_rate_bp: percent(input.outputRate, '--output-rate'),
  };
  return inTransaction(context.store.db, async (tx) => {
    if (!(await findLicenseeRow(tx, input.licensee))) throw new ClefError('CLEF_NOT_FOUND', `no licensee ${input.licensee} (see clef ai licensees list)`, { field: '--licensee', value: input.licensee });
    const [licenceId] = await nextIds(tx, 'ai_licence', 'LIC', 1);
    const row = {
      licence_id: licenceId, licensee_id: input.licensee, model_name: input.model.trim(), model_version: input.modelVersion.trim(), term_start: input.from, term_end: input.to,
      uses: uses.join(';'), outputs: input.outputs?.trim() || null, output_territories: outputTerritories, scope: input.scope, fee_division: input.division,
      ...money, currency, created_at: context.clock(), actor: context.actor,
    };
    await insertLicence(tx, row);
    return view(row);
  });
}

/** Every licence, optionally one licensee's. */
export async function listLicences(context: Pick<RegistryContext, 'store'>, licenseeId?: string): Promise<LicenceView[]> {
  return (await listLicenceRows(context.store.db, licenseeId)).map(view);
}

/** A licence and its licensee; an unknown id is CLEF_NOT_FOUND. */
export async function requireLicence(db: Kysely<ClefDatabase>, licenceId: string): Promise<{ row: ClefDatabase['ai_licences']; licensee: ClefDatabase['ai_licensees'] }> {
  const row = await findLicenceRow(db, licenceId);
  if (!row) throw new ClefError('CLEF_NOT_FOUND', `no AI licence ${licenceId} (see clef ai licences list)`, { field: '--licence', value: licenceId });
  const licensee = (await findLicenseeRow(db, row.licensee_id))!;
  return { row, licensee };
}

/** A licence with its licensee, as `clef ai licences show` prints it. */
export async function showLicence(context: Pick<RegistryContext, 'store'>, licenceId: string): Promise<LicenceView & { readonly licensee: ClefDatabase['ai_licensees'] }> {
  const { row, licensee } = await requireLicence(context.store.db, licenceId);
  return { ...view(row), licensee };
}

/** The domain licence of a stored row. */
export function licenceOf(row: ClefDatabase['ai_licences']): AiLicence {
  return {
    licenceId: row.licence_id, modelName: row.model_name, modelVersion: row.model_version, termStart: row.term_start, termEnd: row.term_end,
    uses: row.uses.split(';').map((u) => parseTrainingUse(u)!).filter(Boolean), scope: row.scope as LicenceScope, feeDivision: row.fee_division as FeeDivision,
    trainingFeeMicros: BigInt(row.training_fee_micros), revenueShareBasisPoints: BigInt(row.revenue_share_bp), minimumGuaranteeMicros: BigInt(row.minimum_guarantee_micros),
    outputRateBasisPoints: BigInt(row.output_rate_bp), currency: row.currency,
  };
}
