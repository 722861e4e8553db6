import { ClefError } from '../errors/clef-error.js';

/** GB 45438 label levels: 1 AI-generated (confirmed), 2 possibly AI-generated, 3 suspected AI-generated. */
export type LabelLevel = '1' | '2' | '3';

/** The implicit label of GB 45438: the JSON value of the metadata field `AIGC`, keys exactly as the standard writes them. */
export interface AigcLabel {
  readonly Label: LabelLevel;
  readonly ContentProducer: string;
  readonly ProduceID: string;
  readonly ReservedCode1: string;
  readonly ContentPropagator: string;
  readonly PropagateID: string;
  readonly ReservedCode2: string;
}

/** The seven keys of the AIGC object, in the order the standard lists them. */
export const aigcKeys = ['Label', 'ContentProducer', 'ProduceID', 'ReservedCode1', 'ContentPropagator', 'PropagateID', 'ReservedCode2'] as const;

/** The metadata field name that carries the implicit label in every audio container. */
export const AIGC_FIELD = 'AIGC';

function invalid(message: string, value?: string): ClefError {
  return new ClefError('CLEF_LABEL_AIGC_INVALID', message, { field: AIGC_FIELD, value: value?.slice(0, 200) });
}

/**
 * Reads the AIGC JSON in its plain form or wrapped as `{"AIGC": {...}}`; missing keys read as empty
 * strings (some writers omit the reserved codes), a wrong Label level or a non-string value is refused.
 */
export function parseAigcJson(text: string): AigcLabel {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalid('the AIGC value is not JSON', text);
  }
  if (value && typeof value === 'object' && !Array.isArray(value) && AIGC_FIELD in value && Object.keys(value).length === 1) {
    value = (value as Record<string, unknown>)[AIGC_FIELD];
  }
  if (!value || typeof value !== 'object' || Array.isArray(value)) throw invalid('the AIGC value is not a JSON object', text);
  const record = value as Record<string, unknown>;
  const fields: Record<string, string> = {};
  for (const key of aigcKeys) {
    const field = record[key] ?? '';
    if (typeof field !== 'string' && typeof field !== 'number') throw invalid(`AIGC ${key} is not a string`, text);
    fields[key] = String(field);
  }
  if (fields.Label !== '1' && fields.Label !== '2' && fields.Label !== '3') throw invalid(`AIGC Label is "${fields.Label}", not 1, 2 or 3`, text);
  return fields as unknown as AigcLabel;
}

/** Writes the AIGC JSON in the plain form with the keys in the standard's order. */
export function formatAigcJson(label: AigcLabel): string {
  return JSON.stringify(Object.fromEntries(aigcKeys.map((key) => [key, label[key]])));
}
