import type { Finding } from '../../errors/index.js';
import { parseIcpn, parseIpiNameNumber, parseIsrc, parseIswc } from '../../identifiers/index.js';
import { isAiOrigin, type AiOrigin, type AiProvenance, type AiTool, type RecordingAiFacets, type WorkAiFacets } from '../ai-provenance.js';
import { isRight, type Right } from '../right.js';
import { parseSharePercent } from '../share.js';
import type { AlternateTitle } from '../work.js';
import { parseTerritoryChain } from './territory-chain-text.js';
import type { SubmittedParty, SubmittedRecording, SubmitterReference, WorkSubmission } from './work-submission.js';

/** The most party column groups a row may carry (`party1_…` to `party12_…`). */
export const maxCsvParties = 12;

const workColumns = new Set([
  'submitter_work_number', 'title', 'iswc', 'language', 'duration', 'version_type', 'original_title', 'alternate_titles',
  'ai_composition', 'ai_lyrics', 'ai_arrangement', 'ai_tools', 'human_contribution', 'ai_evidence',
  'isrc', 'recording_title', 'version_title', 'display_artist', 'recording_duration', 'label', 'ai_vocals', 'ai_instrumentation', 'ai_production',
  'icpn', 'release_title', 'track_number',
]);
const partyColumns = new Set([
  'role', 'type', 'ipi', 'name', 'first_name', 'pr_society', 'mr_society', 'sr_society', 'pr_share', 'mr_share', 'sr_share',
  'territories', 'publisher', 'controlled', 'agreement',
]);

/** True for a column of Clef's works CSV (docs/works-csv.md): a work or recording column, or `partyN_…` for N up to 12. */
export function isWorksCsvColumn(name: string): boolean {
  if (workColumns.has(name)) return true;
  const party = /^party([1-9]\d?)_(.+)$/.exec(name);
  return party !== null && Number(party[1]) <= maxCsvParties && partyColumns.has(party[2]);
}

const writerRoles = new Set(['CA', 'C', 'A', 'AR', 'AD', 'TR', 'SA', 'SR']);
const publisherRoles = new Set(['E', 'AM', 'AQ', 'SE', 'ES']);

/**
 * Reads one row of Clef's works CSV (docs/works-csv.md) into a submission, or returns every problem in it
 * located by line and column. Pure: the caller streams the file.
 */
export function parseWorksCsvRow(
  row: Readonly<Record<string, string | undefined>>,
  at: { file: string; line: number },
  submitter: SubmitterReference,
): { submission?: WorkSubmission; findings: Finding[] } {
  const findings: Finding[] = [];
  const cell = (column: string) => (row[column] ?? '').trim();
  const fail = (column: string, message: string) =>
    findings.push({
      code: 'CLEF_REGISTRY_ROW_INVALID',
      severity: 'error',
      message: `${column}: ${message}`,
      location: { file: at.file, line: at.line, field: column, value: cell(column) },
    });

  const title = cell('title');
  if (!title) fail('title', 'a work needs a title');
  const submitterWorkNumber = cell('submitter_work_number');
  if (!submitterWorkNumber) fail('submitter_work_number', "the submitter's own work number is required, so a later row can revise it");
  const iswc = optionalId(cell('iswc'), parseIswc, 'iswc', fail);
  const versionType = (cell('version_type') || 'ORI').toUpperCase();
  if (versionType !== 'ORI' && versionType !== 'MOD') fail('version_type', 'must be ORI or MOD');
  const durationSeconds = optionalDuration(cell('duration'), 'duration', fail);

  const parties: SubmittedParty[] = [];
  for (let n = 1; n <= maxCsvParties; n++) {
    const party = parseParty(n, cell, fail);
    if (party) parties.push(party);
  }
  if (parties.length === 0 && !isAllAi(cell, ['ai_composition', 'ai_lyrics', 'ai_arrangement'], fail)) {
    fail('party1_role', 'a work needs at least one party (only a fully AI-generated work may have none)');
  }

  const workProvenance = provenance<WorkAiFacets>(cell, { composition: 'ai_composition', lyrics: 'ai_lyrics', arrangement: 'ai_arrangement' }, fail);
  const recordings: SubmittedRecording[] = [];
  const isrc = optionalId(cell('isrc'), parseIsrc, 'isrc', fail);
  if (isrc || cell('recording_title')) {
    recordings.push({
      isrc,
      title: cell('recording_title') || title,
      versionTitle: cell('version_title') || undefined,
      displayArtist: cell('display_artist') || undefined,
      durationSeconds: optionalDuration(cell('recording_duration'), 'recording_duration', fail),
      label: cell('label') || undefined,
      aiProvenance: provenance<RecordingAiFacets>(cell, { vocals: 'ai_vocals', instrumentation: 'ai_instrumentation', production: 'ai_production' }, fail),
      release: releaseOf(cell, fail),
    });
  }
  if (findings.length > 0) return { findings };
  return {
    findings,
    submission: {
      origin: at,
      submitter,
      submitterWorkNumber,
      source: 'CSV',
      sourceRef: at.file,
      work: {
        title,
        iswc,
        alternateTitles: alternateTitles(cell('alternate_titles')),
        language: cell('language').toUpperCase() || undefined,
        durationSeconds,
        versionType: versionType as 'ORI' | 'MOD',
        originalTitle: cell('original_title') || undefined,
        aiProvenance: workProvenance,
      },
      parties,
      recordings,
    },
  };
}

type Cell = (column: string) => string;
type Fail = (column: string, message: string) => void;

function parseParty(n: number, cell: Cell, fail: Fail): SubmittedParty | undefined {
  const col = (name: string) => `party${n}_${name}`;
  const role = cell(col('role')).toUpperCase();
  const name = cell(col('name'));
  const ipiText = cell(col('ipi'));
  if (!role && !name && !ipiText) return undefined;
  if (!role) fail(col('role'), 'a party needs its CWR role (CA, C, A, AR, E, AM, SE, PA …)');
  if (!name) fail(col('name'), 'a party needs a name');
  const typeText = cell(col('type')).toLowerCase();
  let partyKind: 'writer' | 'publisher' = writerRoles.has(role) ? 'writer' : 'publisher';
  if (typeText === 'writer' || typeText === 'publisher') partyKind = typeText;
  else if (typeText) fail(col('type'), 'must be writer or publisher');
  else if (role === 'PA') partyKind = 'writer';
  else if (role && !writerRoles.has(role) && !publisherRoles.has(role)) fail(col('role'), `${role} is not a CWR writer designation or publisher type`);
  const ipiNameNumber = optionalId(ipiText, parseIpiNameNumber, col('ipi'), fail);
  const ownership = { PR: share(cell, col('pr_share'), fail), MR: share(cell, col('mr_share'), fail), SR: share(cell, col('sr_share'), fail) };
  const territoriesText = cell(col('territories'));
  let collection: SubmittedParty['collection'] = [];
  if (territoriesText) {
    try {
      collection = [{ territories: parseTerritoryChain(territoriesText, col('territories')), shares: ownership }];
    } catch (error) {
      fail(col('territories'), (error as Error).message);
    }
  }
  const affiliations = (['PR', 'MR', 'SR'] as Right[]).flatMap((right) => {
    const society = cell(col(`${right.toLowerCase()}_society`));
    return society ? [{ right, societyCode: society.padStart(3, '0') }] : [];
  });
  const controlledText = (cell(col('controlled')) || 'Y').toUpperCase();
  const publisherText = cell(col('publisher'));
  const publisherNumber = publisherText ? Number(publisherText) : undefined;
  if (publisherText && !(Number.isInteger(publisherNumber) && publisherNumber! >= 1 && publisherNumber! <= maxCsvParties)) {
    fail(col('publisher'), 'must be the number of a publisher party of this row (1, 2, …)');
  }
  return {
    number: n,
    name,
    firstName: cell(col('first_name')) || undefined,
    kind: partyKind === 'writer' ? 'person' : 'company',
    ipiNameNumber,
    partyKind,
    role,
    controlled: controlledText !== 'N',
    ownership,
    collection,
    affiliations,
    publisherNumber,
    agreementNumber: cell(col('agreement')) || undefined,
  };
}

/** Percent text with up to two decimals ("50", "33.33") to basis points. */
function share(cell: Cell, column: string, fail: Fail): number {
  const text = cell(column);
  if (!text) return 0;
  const value = parseSharePercent(text);
  if (value === undefined) {
    fail(column, 'a share is a percentage with at most two decimals, like 50 or 33.33');
    return 0;
  }
  if (value > 10000) fail(column, 'a share cannot exceed 100 %');
  return value;
}

function optionalId<T>(text: string, parse: (text: string) => { ok: true; value: T } | { ok: false; reason: string }, column: string, fail: Fail): T | undefined {
  if (!text) return undefined;
  const result = parse(text);
  if (result.ok) return result.value;
  fail(column, result.reason);
  return undefined;
}

const maxDurationSeconds = 99 * 3600 + 59 * 60 + 59;

function optionalDuration(text: string, column: string, fail: Fail): number | undefined {
  if (!text) return undefined;
  const match = /^(?:(\d{1,2}):)?(\d{1,4}):(\d{2})$|^(\d{1,6})$/.exec(text);
  const [hours, minutes, seconds] = match ? [Number(match[1] ?? 0), Number(match[2] ?? 0), Number(match[3] ?? 0)] : [0, 0, 0];
  // Minutes are under 60 once hours are given, seconds always; CWR's HHMMSS duration caps the total below 100 hours.
  const total = match?.[4] !== undefined ? Number(match[4]) : hours * 3600 + minutes * 60 + seconds;
  if (!match || seconds > 59 || (match[1] !== undefined && minutes > 59) || total > maxDurationSeconds) {
    fail(column, 'a duration is seconds or [h:]mm:ss, with minutes and seconds under 60 and under 100 hours in all');
    return undefined;
  }
  return total;
}

function isAllAi(cell: Cell, columns: readonly string[], _fail: Fail): boolean {
  const values = columns.map((column) => cell(column) || 'human').filter((value) => value !== 'not_applicable');
  return values.length > 0 && values.every((value) => value === 'ai_generated');
}

function provenance<F extends WorkAiFacets | RecordingAiFacets>(cell: Cell, columns: Record<keyof F & string, string>, fail: Fail): AiProvenance<F> {
  const facets = {} as Record<string, AiOrigin>;
  for (const [facet, column] of Object.entries(columns) as [string, string][]) {
    const value = cell(column) || 'human';
    if (!isAiOrigin(value)) fail(column, 'must be human, ai_assisted, ai_generated or not_applicable');
    facets[facet] = isAiOrigin(value) ? value : 'human';
  }
  const tools: AiTool[] = cell('ai_tools')
    .split(';')
    .map((text) => text.trim())
    .filter(Boolean)
    .map((text) => {
      const [name, version, outputTermsRef] = text.split('|').map((part) => part.trim());
      return { name, version: version || undefined, outputTermsRef: outputTermsRef || undefined };
    });
  const statement = cell('human_contribution');
  const evidence = cell('ai_evidence')
    .split(';')
    .map((ref) => ref.trim())
    .filter(Boolean)
    .map((ref) => ({ kind: 'other' as const, ref }));
  return { facets: facets as unknown as F, tools, humanContribution: statement || evidence.length > 0 ? { statement, evidence } : undefined };
}

function releaseOf(cell: Cell, fail: Fail): SubmittedRecording['release'] {
  const icpn = optionalId(cell('icpn'), parseIcpn, 'icpn', fail);
  const title = cell('release_title');
  if (!icpn && !title) return undefined;
  if (!title) fail('release_title', 'a release needs a title');
  const trackText = cell('track_number');
  const trackNumber = trackText ? Number(trackText) : undefined;
  if (trackText && !(Number.isInteger(trackNumber) && trackNumber! > 0)) fail('track_number', 'a track number is a whole number from 1');
  return { icpn, title, label: cell('label') || undefined, trackNumber };
}

function alternateTitles(text: string): AlternateTitle[] {
  return text
    .split(';')
    .map((entry) => entry.trim())
    .filter(Boolean)
    .map((entry) => {
      const match = /^([A-Z]{2}):(.*)$/.exec(entry);
      return match ? { type: match[1], title: match[2].trim() } : { type: 'AT', title: entry };
    });
}
