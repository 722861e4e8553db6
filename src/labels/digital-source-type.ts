/** The IPTC digital source type vocabulary's base URI. */
export const IPTC_DIGITAL_SOURCE_TYPE_BASE = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

/** The IPTC digital source type terms (plus C2PA's trainedAlgorithmicData), by their short name. */
export const digitalSourceTypeTerms = [
  'trainedAlgorithmicMedia',
  'compositeWithTrainedAlgorithmicMedia',
  'algorithmicMedia',
  'compositeSynthetic',
  'humanEdits',
  'digitalCreation',
  'digitalCapture',
  'composite',
  'dataDrivenMedia',
  'virtualRecording',
  'trainedAlgorithmicData',
] as const;

/** A short IPTC digital source type name such as `trainedAlgorithmicMedia`. */
export type DigitalSourceTypeTerm = (typeof digitalSourceTypeTerms)[number];

const C2PA_BASE = 'http://c2pa.org/digitalsourcetype/';

/** The full URI of a digital source type term (C2PA's own term lives under c2pa.org). */
export function digitalSourceTypeUri(term: DigitalSourceTypeTerm): string {
  return term === 'trainedAlgorithmicData' ? `${C2PA_BASE}${term}` : `${IPTC_DIGITAL_SOURCE_TYPE_BASE}${term}`;
}

/**
 * The term named by a short name or a URI (`https://` read as `http://`), or undefined when it is
 * none of the vocabulary's terms.
 */
export function parseDigitalSourceType(text: string): DigitalSourceTypeTerm | undefined {
  const normalized = text.trim().replace(/^https:\/\//, 'http://');
  const term = normalized.startsWith(IPTC_DIGITAL_SOURCE_TYPE_BASE)
    ? normalized.slice(IPTC_DIGITAL_SOURCE_TYPE_BASE.length)
    : normalized.startsWith(C2PA_BASE)
      ? normalized.slice(C2PA_BASE.length)
      : normalized;
  return (digitalSourceTypeTerms as readonly string[]).includes(term) ? (term as DigitalSourceTypeTerm) : undefined;
}

/** True for the terms that mean AI took part (generated or assisted), which is what needs a label. */
export function isAiSourceType(term: DigitalSourceTypeTerm): boolean {
  return term === 'trainedAlgorithmicMedia' || term === 'compositeWithTrainedAlgorithmicMedia' || term === 'trainedAlgorithmicData' || term === 'compositeSynthetic';
}
