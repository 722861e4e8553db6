import type { TrainingUse } from './training-use.js';

/** Which works a licence reaches: only those their rights holders opted in, or every work not reserved. */
export type LicenceScope = 'opt-in' | 'not-reserved';

/** How a licence's training fee is divided over the works used (STIM: equal; marketplaces: pro-rata; attribution with fallback). */
export type FeeDivision = 'equal' | 'pro-rata' | 'attribution';

/** The licence scopes, for checking input. */
export const licenceScopes: readonly LicenceScope[] = ['opt-in', 'not-reserved'];

/** The division rules, for checking input. */
export const feeDivisions: readonly FeeDivision[] = ['equal', 'pro-rata', 'attribution'];

/** An AI licence for one model name and version, as the rules need it. */
export interface AiLicence {
  readonly licenceId: string;
  readonly modelName: string;
  readonly modelVersion: string;
  /** ISO dates, both included. */
  readonly termStart: string;
  readonly termEnd: string;
  readonly uses: readonly TrainingUse[];
  readonly scope: LicenceScope;
  readonly feeDivision: FeeDivision;
  readonly trainingFeeMicros: bigint;
  readonly revenueShareBasisPoints: bigint;
  /** Per month. */
  readonly minimumGuaranteeMicros: bigint;
  readonly outputRateBasisPoints: bigint;
  readonly currency: string;
}

/** True when the licence is for this model name and version (names compared without case; versions exactly). */
export function coversModel(licence: Pick<AiLicence, 'modelName' | 'modelVersion'>, modelName: string, modelVersion: string): boolean {
  return licence.modelName.trim().toLowerCase() === modelName.trim().toLowerCase() && licence.modelVersion.trim() === modelVersion.trim();
}

/** True when a date (`YYYY-MM-DD`) or month (`YYYY-MM`) lies within the licence's term. */
export function withinTerm(licence: Pick<AiLicence, 'termStart' | 'termEnd'>, dateOrMonth: string): boolean {
  if (dateOrMonth.length === 7) return dateOrMonth >= licence.termStart.slice(0, 7) && dateOrMonth <= licence.termEnd.slice(0, 7);
  return dateOrMonth >= licence.termStart && dateOrMonth <= licence.termEnd;
}

/** The uses a training declaration is checked against: those the licence grants, except inference (not a training use). */
export function trainingUsesOf(licence: Pick<AiLicence, 'uses'>): TrainingUse[] {
  const uses = licence.uses.filter((use) => use !== 'ai_inference');
  return uses.length > 0 ? uses : ['ai_training'];
}
