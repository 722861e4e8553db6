import { ClefError } from '../errors/clef-error.js';

/**
 * The EU AI Act public summary of training content (AI Office template, July 2025) in JSON: its three sections
 * with Clef's snake_case keys for the template's headings.
 */
export interface TrainingContentSummary {
  readonly general_information: {
    readonly provider: string;
    readonly model_name: string;
    readonly model_version: string;
    readonly modalities: readonly string[];
    readonly content_types?: readonly string[];
    readonly training_date?: string;
  };
  readonly list_of_data_sources: {
    readonly public_datasets?: readonly string[];
    readonly licensed_data?: readonly string[];
    readonly crawled_domains?: readonly string[];
    readonly user_data?: readonly string[];
    readonly synthetic_data?: readonly string[];
  };
  readonly data_processing: {
    readonly tdm_opt_out_compliance: string;
    readonly illegal_content_removal?: string;
  };
}

const sourceLists = ['public_datasets', 'licensed_data', 'crawled_domains', 'user_data', 'synthetic_data'] as const;

function fail(file: string, field: string, message: string): never {
  throw new ClefError('CLEF_AI_SUMMARY_INVALID', message, { file, field });
}

function section(root: Record<string, unknown>, name: string, file: string): Record<string, unknown> {
  const value = root[name];
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail(file, name, `the summary needs the section "${name}" as an object`);
  return value as Record<string, unknown>;
}

function requireText(object: Record<string, unknown>, sectionName: string, key: string, file: string): string {
  const value = object[key];
  if (typeof value !== 'string' || value.trim() === '') fail(file, `${sectionName}.${key}`, `${sectionName}.${key} must be a non-empty string`);
  return value.trim();
}

function optionalList(object: Record<string, unknown>, sectionName: string, key: string, file: string): void {
  const value = object[key];
  if (value !== undefined && (!Array.isArray(value) || value.some((v) => typeof v !== 'string'))) fail(file, `${sectionName}.${key}`, `${sectionName}.${key} must be a list of strings`);
}

/** Reads and checks a training-content summary: the three sections, the model's name and version, modalities, source lists and how TDM opt-outs were respected. */
export function parseTrainingContentSummary(content: string, file: string): TrainingContentSummary {
  let root: unknown;
  try {
    root = JSON.parse(content.replace(/^\uFEFF/, ''));
  } catch (error) {
    fail(file, 'summary', `not valid JSON: ${(error as Error).message}`);
  }
  if (root === null || typeof root !== 'object' || Array.isArray(root)) fail(file, 'summary', 'a summary is a JSON object with three sections');
  const object = root as Record<string, unknown>;
  const general = section(object, 'general_information', file);
  for (const key of ['provider', 'model_name', 'model_version']) requireText(general, 'general_information', key, file);
  if (!Array.isArray(general.modalities) || general.modalities.length === 0 || general.modalities.some((m) => typeof m !== 'string')) {
    fail(file, 'general_information.modalities', 'general_information.modalities must be a non-empty list of strings');
  }
  optionalList(general, 'general_information', 'content_types', file);
  if (general.training_date !== undefined && (typeof general.training_date !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(general.training_date))) {
    fail(file, 'general_information.training_date', 'general_information.training_date must be YYYY-MM-DD');
  }
  const sources = section(object, 'list_of_data_sources', file);
  for (const key of sourceLists) optionalList(sources, 'list_of_data_sources', key, file);
  const processing = section(object, 'data_processing', file);
  requireText(processing, 'data_processing', 'tdm_opt_out_compliance', file);
  if (processing.illegal_content_removal !== undefined && typeof processing.illegal_content_removal !== 'string') fail(file, 'data_processing.illegal_content_removal', 'data_processing.illegal_content_removal must be a string');
  return object as unknown as TrainingContentSummary;
}
