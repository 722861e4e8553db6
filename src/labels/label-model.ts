import type { LabelLevel } from './aigc-label.js';
import type { LabelRegistration } from './c2pa-manifest.js';
import type { TrainingMiningKey } from './training-mining.js';

/** One signature found on a label: where it is, who made it and with which key, and whether it holds. */
export interface LabelSignature {
  readonly carrier: 'AIGC' | 'C2PA';
  /** `ReservedCode1`, `ReservedCode2`, or the C2PA manifest's label. */
  readonly field: string;
  /** Who signed: producer, propagator or cmo for AIGC codes; the certificate's common name for C2PA. */
  readonly signer: string;
  /** Ed25519 key id, or the certificate's issuer. */
  readonly key?: string;
  readonly valid: boolean;
  /** The key-folder entry the key matched (trusted), or undefined when Clef does not trust it. */
  readonly trustedAs?: string;
}

/**
 * An AI-content label as Clef models it: the digital source type, the GB 45438 level, producer and
 * propagator with their ids, the registered recording and work, the training-mining reservation and
 * the signatures with who made them.
 */
export interface ContentLabel {
  readonly digitalSourceType?: string;
  readonly level: LabelLevel;
  readonly producer: string;
  readonly contentId: string;
  readonly propagator: string;
  readonly propagationId: string;
  readonly registration?: LabelRegistration;
  readonly trainingMining?: Partial<Record<TrainingMiningKey, { readonly use: string; readonly constraint_info?: string }>>;
  readonly signatures: readonly LabelSignature[];
}
