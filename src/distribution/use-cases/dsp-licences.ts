import { ClefError } from '../../errors/index.js';
import { parseDpid } from '../../identifiers/index.js';
import { parseDecimalFraction, parseDecimalToMicros } from '../../money/index.js';
import { isRight } from '../../registry/right.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { formatTerritoryChain, parseTerritoryChain } from '../../registry/use-cases/territory-chain-text.js';
import { listLicences, saveLicence } from '../../store/distribution/licence-queries.js';

/** What `clef dsps licence set` records; omitted fields mean all (every model, use type, right and territory). */
export interface DspLicenceInput {
  readonly dpid: string;
  /** Royalty rate on NetRevenue as decimal text (`0.12`). */
  readonly rate: string;
  readonly commercialModel?: string;
  readonly useType?: string;
  /** `PR`, `MR` or both, separated by `,` or `;`. */
  readonly rights?: string;
  /** Territory chain text (`2136 E0250`); the World when omitted. */
  readonly territories?: string;
  /** Minimum royalty per subscriber, decimal text in the report's currency. */
  readonly perSubscriberMinimum?: string;
  /** The CMO's rights controller name or party id in this DSP's UGC reports. */
  readonly rightsController?: string;
}

/** A licence as commands show it. */
export interface DspLicence {
  readonly dpid: string;
  readonly commercial_model: string;
  readonly use_type: string;
  readonly rate: string;
  readonly rights: string;
  readonly territories: string;
  readonly per_subscriber_minimum_micros: string | null;
  readonly rights_controller: string | null;
}

function checkRate(rate: string): string {
  let ok = true;
  try {
    const fraction = parseDecimalFraction(rate);
    ok = fraction.numerator >= 0n && fraction.numerator <= fraction.denominator;
  } catch {
    ok = false;
  }
  if (!ok) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--rate must be a decimal between 0 and 1 (like 0.12), not ${rate}`, { field: '--rate', value: rate });
  return rate;
}

function checkRights(text: string | undefined): string {
  if (text === undefined) return 'PR;MR';
  const rights = text.split(/[;,\s]+/).filter(Boolean).map((r) => r.toUpperCase());
  if (rights.length === 0 || !rights.every((r) => isRight(r) && r !== 'SR')) {
    throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--rights takes PR, MR or PR,MR, not ${text}`, { field: '--rights', value: text });
  }
  return [...new Set(rights)].sort((a, b) => (a === 'PR' ? -1 : b === 'PR' ? 1 : 0)).join(';');
}

/** Sets the CMO's licence with a DSP for a commercial model and use type, replacing the earlier one for the same scope. */
export async function setDspLicence(context: RegistryContext, input: DspLicenceInput): Promise<DspLicence> {
  const dpid = parseDpid(input.dpid);
  if (!dpid.ok) throw new ClefError('CLEF_ID_INVALID', `${input.dpid} is not a DDEX party id: ${dpid.reason}`, { value: input.dpid });
  const minimum = input.perSubscriberMinimum === undefined ? null : parseAmount(input.perSubscriberMinimum, '--per-subscriber-minimum');
  const row = {
    dpid: dpid.value,
    commercial_model: input.commercialModel ?? '*',
    use_type: input.useType ?? '*',
    rate: checkRate(input.rate),
    rights: checkRights(input.rights),
    territories: formatTerritoryChain(parseTerritoryChain(input.territories ?? '2136', '--territories')),
    per_subscriber_minimum_micros: minimum,
    rights_controller: input.rightsController ?? null,
    updated_at: context.clock(),
  };
  await saveLicence(context.store.db, row);
  return view(row);
}

/** Every licence, optionally of one DSP. */
export async function listDspLicences(context: Pick<RegistryContext, 'store'>, dpid?: string): Promise<DspLicence[]> {
  return (await listLicences(context.store.db, dpid)).map(view);
}

// A trillion units in micro-units: a bound no invoice reaches, with room for sums of many of them in 64-bit columns.
const maxAmountMicros = 10n ** 18n;

/** Reads a non-negative decimal amount into micro-units, naming the option when it is not one or is out of range. */
export function parseAmount(text: string, field: string): bigint {
  let micros: bigint | null = null;
  try {
    micros = parseDecimalToMicros(text);
  } catch {
    micros = null;
  }
  if (micros === null || micros < 0n) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `${field} must be a non-negative decimal amount, not ${text}`, { field, value: text });
  if (micros > maxAmountMicros) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `${field} ${text} is out of range: at most 1000000000000 (a trillion) per amount`, { field, value: text });
  return micros;
}

function view(row: Awaited<ReturnType<typeof listLicences>>[number]): DspLicence {
  return {
    dpid: row.dpid,
    commercial_model: row.commercial_model,
    use_type: row.use_type,
    rate: row.rate,
    rights: row.rights,
    territories: row.territories,
    per_subscriber_minimum_micros: row.per_subscriber_minimum_micros === null ? null : String(row.per_subscriber_minimum_micros),
    rights_controller: row.rights_controller,
  };
}
