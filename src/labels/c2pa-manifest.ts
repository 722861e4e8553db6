import { digitalSourceTypeUri, type DigitalSourceTypeTerm } from './digital-source-type.js';
import { trainingMiningAssertion, type TrainingMiningReservation } from './training-mining.js';

/** The registered recording and work a label is about, as Clef records it in its own assertion. */
export interface LabelRegistration {
  readonly recordingId?: string;
  readonly isrc?: string;
  readonly recordingTitle?: string;
  readonly workId?: string;
  readonly workTitle?: string;
}

/** The label assertion Clef adds to every manifest it signs, so a reader finds who labeled and for what. */
export const CLEF_LABEL_ASSERTION = 'org.clef.label';

/** Why a manifest is made: the first label of content, a platform's propagation, or an audible cue added. */
export type ManifestPurpose =
  | { readonly kind: 'created'; readonly digitalSourceType: DigitalSourceTypeTerm; readonly generator: { readonly name: string; readonly version?: string } }
  | { readonly kind: 'propagated'; readonly propagator: string; readonly propagationId: string }
  | { readonly kind: 'cued'; readonly cue: string };

/** What goes into a label manifest besides the hard binding the library adds. */
export interface LabelManifestInput {
  readonly title: string;
  readonly mimeType: string;
  readonly purpose: ManifestPurpose;
  readonly trainingMining: TrainingMiningReservation;
  readonly registration?: LabelRegistration;
  readonly cmo: string;
  readonly clefVersion: string;
}

/** The ingredient label that ties the parent file to the `c2pa.opened` action. */
export const PARENT_INGREDIENT_ID = 'parent';

function actionsOf(purpose: ManifestPurpose): object[] {
  if (purpose.kind === 'created') {
    const agent = purpose.generator.version ? { name: purpose.generator.name, version: purpose.generator.version } : { name: purpose.generator.name };
    return [{ action: 'c2pa.created', digitalSourceType: digitalSourceTypeUri(purpose.digitalSourceType), softwareAgent: agent }];
  }
  const opened = { action: 'c2pa.opened', parameters: { ingredientIds: [PARENT_INGREDIENT_ID] } };
  if (purpose.kind === 'propagated') {
    return [opened, { action: 'c2pa.edited.metadata', description: `AIGC propagation fields added by ${purpose.propagator} (${purpose.propagationId})` }, { action: 'c2pa.published', description: purpose.propagator }];
  }
  return [opened, { action: 'c2pa.edited', description: `audible AI notice added at the start: ${purpose.cue}` }];
}

/**
 * The manifest definition for @contentauth/c2pa-wasm's builder: a `c2pa.actions.v2` assertion
 * (c2pa.created with the IPTC digital source type and the generator as software agent, or
 * c2pa.opened of the parent file then the edit), the CAWG training-mining assertion and Clef's label assertion.
 */
export function labelManifestDefinition(input: LabelManifestInput): object {
  const label = { purpose: input.purpose, cmo: input.cmo, ...(input.registration ? { registration: input.registration } : {}) };
  return {
    claim_generator_info: [{ name: 'Clef', version: input.clefVersion }],
    title: input.title,
    format: input.mimeType,
    assertions: [
      { label: 'c2pa.actions.v2', data: { actions: actionsOf(input.purpose) } },
      { label: 'cawg.training-mining', data: trainingMiningAssertion(input.trainingMining) },
      { label: CLEF_LABEL_ASSERTION, data: label },
    ],
  };
}
