import type { Right } from '../registry/right.js';

/**
 * How a pool treats works whose every applicable AI facet is `ai_generated`: hold their value in the AI-generated
 * reserve, pay them like any work, pay a part of their value (`rateBasisPoints`, the rest to the reserve), or leave
 * them out so their value goes to the pool's other works.
 */
export type AiGeneratedTreatment =
  | { readonly treatment: 'reserve' }
  | { readonly treatment: 'pay' }
  | { readonly treatment: 'rate'; readonly rateBasisPoints: bigint }
  | { readonly treatment: 'redistribute' };

/** The rules one pool is distributed by, after the policy's overrides for its DSP, commercial model and use type. */
export interface PoolRules {
  /** The CMO's administration fee, taken from each pool first. */
  readonly commissionBasisPoints: bigint;
  /** The default division of a line's value between rights, restricted to the rights the licence covers. */
  readonly rightsSplit: Readonly<Partial<Record<Right, bigint>>>;
  readonly aiGenerated: AiGeneratedTreatment;
}

/** A policy override: the rules it changes for the pools it matches (an absent matcher matches every value). */
export interface PolicyOverride extends Partial<PoolRules> {
  readonly dsp?: string;
  readonly commercialModel?: string;
  readonly useType?: string;
}

/** A versioned distribution policy as kept in data/policies/: defaults, overrides and the claim holding period. */
export interface DistributionPolicy extends PoolRules {
  readonly version: string;
  /** How long unmatched money is held before it may be released by market share. */
  readonly holdingPeriodMonths: number;
  readonly overrides: readonly PolicyOverride[];
}

/** What a pool is, for choosing its rules. */
export interface PoolScope {
  readonly dsp: string;
  readonly commercialModel: string | null;
  readonly useType: string | null;
}

function specificity(override: PolicyOverride): number {
  return (override.dsp !== undefined ? 1 : 0) + (override.commercialModel !== undefined ? 1 : 0) + (override.useType !== undefined ? 1 : 0);
}

function matches(override: PolicyOverride, scope: PoolScope): boolean {
  return (
    (override.dsp === undefined || override.dsp === scope.dsp) &&
    (override.commercialModel === undefined || override.commercialModel === scope.commercialModel) &&
    (override.useType === undefined || override.useType === scope.useType)
  );
}

/**
 * The rules for one pool: the policy's defaults with every matching override applied, the less specific first
 * (DSP + commercial model + use type beats DSP alone), file order among equals.
 * @example poolRules(policy, { dsp: 'PADPIDA2007040502I', commercialModel: 'SubscriptionModel', useType: 'Stream' })
 */
export function poolRules(policy: DistributionPolicy, scope: PoolScope): PoolRules {
  const applicable = policy.overrides
    .map((override, index) => ({ override, index }))
    .filter(({ override }) => matches(override, scope))
    .sort((a, b) => specificity(a.override) - specificity(b.override) || a.index - b.index);
  let rules: PoolRules = { commissionBasisPoints: policy.commissionBasisPoints, rightsSplit: policy.rightsSplit, aiGenerated: policy.aiGenerated };
  for (const { override } of applicable) {
    rules = {
      commissionBasisPoints: override.commissionBasisPoints ?? rules.commissionBasisPoints,
      rightsSplit: override.rightsSplit ?? rules.rightsSplit,
      aiGenerated: override.aiGenerated ?? rules.aiGenerated,
    };
  }
  return rules;
}
