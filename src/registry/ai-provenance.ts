/** How a facet of a work or recording was made. */
export type AiOrigin = 'human' | 'ai_assisted' | 'ai_generated' | 'not_applicable';

/** Every AI origin value. */
export const aiOrigins: readonly AiOrigin[] = ['human', 'ai_assisted', 'ai_generated', 'not_applicable'];

/** The facets of a musical work. */
export interface WorkAiFacets {
  readonly composition: AiOrigin;
  readonly lyrics: AiOrigin;
  readonly arrangement: AiOrigin;
}

/** The facets of a sound recording. */
export interface RecordingAiFacets {
  readonly vocals: AiOrigin;
  readonly instrumentation: AiOrigin;
  readonly production: AiOrigin;
}

/** An AI tool used in making a work or recording. */
export interface AiTool {
  readonly name: string;
  readonly version?: string;
  /** Where the tool's terms on output ownership are (a URL or document reference). */
  readonly outputTermsRef?: string;
}

/** A reference to evidence of the human creative contribution. */
export interface EvidenceRef {
  readonly kind: 'prompt' | 'draft' | 'session_file' | 'other';
  /** A URL, file digest or document reference. */
  readonly ref: string;
  readonly description?: string;
}

/** A statement of what the humans contributed, with its evidence. */
export interface HumanContribution {
  readonly statement: string;
  readonly evidence: readonly EvidenceRef[];
}

/** The AI provenance of a work (`WorkAiFacets`) or a recording (`RecordingAiFacets`). */
export interface AiProvenance<Facets extends WorkAiFacets | RecordingAiFacets> {
  readonly facets: Facets;
  readonly tools: readonly AiTool[];
  readonly humanContribution?: HumanContribution;
}

/** True when `value` is one of the AI origin values. */
export function isAiOrigin(value: string): value is AiOrigin {
  return (aiOrigins as readonly string[]).includes(value);
}
