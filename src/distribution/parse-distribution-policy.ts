import { ClefError } from '../errors/clef-error.js';
import { isRight, type Right } from '../registry/right.js';
import type { AiGeneratedTreatment, DistributionPolicy, PolicyOverride } from './distribution-policy.js';

type Json = Record<string, unknown>;

function invalid(message: string, field: string): ClefError {
  return new ClefError('CLEF_DISTRIBUTION_POLICY_INVALID', message, { field });
}

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function basisPoints(value: unknown, field: string): bigint {
  if (!Number.isInteger(value) || (value as number) < 0 || (value as number) > 10_000) {
    throw invalid(`${field} must be a whole number of basis points from 0 to 10000, not ${JSON.stringify(value)}`, field);
  }
  return BigInt(value as number);
}

function rightsSplit(value: unknown, field: string): Partial<Record<Right, bigint>> {
  if (!isObject(value)) throw invalid(`${field} must be an object of rights to basis points`, field);
  const split: Partial<Record<Right, bigint>> = {};
  let total = 0n;
  for (const [right, share] of Object.entries(value)) {
    if (!isRight(right)) throw invalid(`${field} names ${JSON.stringify(right)}, not a right (PR, MR, SR)`, field);
    split[right] = basisPoints(share, `${field}.${right}`);
    total += split[right];
  }
  if (total !== 10_000n) throw invalid(`${field} adds up to ${total} basis points, not 10000`, field);
  return split;
}

function aiGenerated(value: unknown, field: string): AiGeneratedTreatment {
  if (!isObject(value)) throw invalid(`${field} must be an object with a treatment`, field);
  switch (value.treatment) {
    case 'reserve':
    case 'pay':
    case 'redistribute':
      return { treatment: value.treatment };
    case 'rate':
      return { treatment: 'rate', rateBasisPoints: basisPoints(value.rateBasisPoints, `${field}.rateBasisPoints`) };
    default:
      throw invalid(`${field}.treatment must be reserve, pay, rate or redistribute, not ${JSON.stringify(value.treatment)}`, `${field}.treatment`);
  }
}

function optionalText(value: unknown, field: string): string | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'string' || value === '') throw invalid(`${field} must be a non-empty string`, field);
  return value;
}

function override(value: unknown, field: string): PolicyOverride {
  if (!isObject(value)) throw invalid(`${field} must be an object`, field);
  return {
    dsp: optionalText(value.dsp, `${field}.dsp`),
    commercialModel: optionalText(value.commercialModel, `${field}.commercialModel`),
    useType: optionalText(value.useType, `${field}.useType`),
    commissionBasisPoints: value.commissionBasisPoints === undefined ? undefined : basisPoints(value.commissionBasisPoints, `${field}.commissionBasisPoints`),
    rightsSplit: value.rightsSplit === undefined ? undefined : rightsSplit(value.rightsSplit, `${field}.rightsSplit`),
    aiGenerated: value.aiGenerated === undefined ? undefined : aiGenerated(value.aiGenerated, `${field}.aiGenerated`),
  };
}

/**
 * Checks a parsed policy file (data/policies/*.json) and returns it typed; anything malformed is a
 * `CLEF_DISTRIBUTION_POLICY_INVALID` error naming the field.
 * @example parseDistributionPolicy(JSON.parse(readFileSync('data/policies/default-1.json', 'utf8')))
 */
export function parseDistributionPolicy(value: unknown): DistributionPolicy {
  if (!isObject(value)) throw invalid('a policy must be a JSON object', 'policy');
  const version = optionalText(value.version, 'version');
  if (version === undefined) throw invalid('a policy needs a version', 'version');
  const months = value.holdingPeriodMonths;
  if (!Number.isInteger(months) || (months as number) < 0) throw invalid('holdingPeriodMonths must be a whole number of months', 'holdingPeriodMonths');
  const overrides = value.overrides ?? [];
  if (!Array.isArray(overrides)) throw invalid('overrides must be an array', 'overrides');
  return {
    version,
    commissionBasisPoints: basisPoints(value.commissionBasisPoints, 'commissionBasisPoints'),
    rightsSplit: rightsSplit(value.rightsSplit, 'rightsSplit'),
    aiGenerated: aiGenerated(value.aiGenerated, 'aiGenerated'),
    holdingPeriodMonths: months as number,
    overrides: overrides.map((entry, index) => override(entry, `overrides[${index}]`)),
  };
}
