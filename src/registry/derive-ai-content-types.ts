import type { AiOrigin, RecordingAiFacets, WorkAiFacets } from './ai-provenance.js';

/** IPTC digital source type codes Clef derives from facets. */
export type IptcDigitalSourceType = 'digitalCreation' | 'trainedAlgorithmicMedia' | 'compositeWithTrainedAlgorithmicMedia';

/** DDEX ERN `ContainsAI` values. */
export type DdexContainsAi = 'None' | 'All' | 'Partly';

/** What a work's or recording's facets say about AI, for labels and DDEX export. */
export interface AiContentTypes {
  readonly iptcDigitalSourceType: IptcDigitalSourceType;
  /** The full IPTC vocabulary URI, as C2PA `digitalSourceType` carries it. */
  readonly iptcUri: string;
  readonly ddexContainsAi: DdexContainsAi;
}

/** The IPTC digital source type vocabulary's base URI. */
export const iptcDigitalSourceTypeBase = 'http://cv.iptc.org/newscodes/digitalsourcetype/';

/**
 * The one derivation table, first matching row wins (documented in docs/registry.md).
 * Facets marked `not_applicable` are left out; with no applicable facet, "every applicable facet is human" holds.
 */
export const aiContentTypeTable: readonly {
  readonly when: 'all human' | 'all ai_generated' | 'otherwise';
  readonly iptc: IptcDigitalSourceType;
  readonly ddex: DdexContainsAi;
}[] = [
  { when: 'all human', iptc: 'digitalCreation', ddex: 'None' },
  { when: 'all ai_generated', iptc: 'trainedAlgorithmicMedia', ddex: 'All' },
  { when: 'otherwise', iptc: 'compositeWithTrainedAlgorithmicMedia', ddex: 'Partly' },
];

/** The facet values that apply (not `not_applicable`). */
export function applicableOrigins(facets: WorkAiFacets | RecordingAiFacets): AiOrigin[] {
  return Object.values(facets).filter((origin: AiOrigin) => origin !== 'not_applicable');
}

/** Derives the IPTC digital source type and DDEX ContainsAI value from facets by `aiContentTypeTable`. */
export function deriveAiContentTypes(facets: WorkAiFacets | RecordingAiFacets): AiContentTypes {
  const origins = applicableOrigins(facets);
  const row = aiContentTypeTable.find(
    (r) =>
      (r.when === 'all human' && origins.every((o) => o === 'human')) ||
      (r.when === 'all ai_generated' && origins.length > 0 && origins.every((o) => o === 'ai_generated')) ||
      r.when === 'otherwise',
  )!;
  return { iptcDigitalSourceType: row.iptc, iptcUri: iptcDigitalSourceTypeBase + row.iptc, ddexContainsAi: row.ddex };
}
