import type { Kysely } from 'kysely';
import type { ClefDatabase, Engine } from '../../store/index.js';
import { rebuildMatchedUnits } from '../../store/usage/match-unit-queries.js';
import {
  openResourcesForTitles,
  openResourcesWithWorkNumbers,
  recordingCandidates,
  rememberMatches,
  setMatches,
  setMatchNotes,
  type FoundMatch,
  type MatchNote,
  addOnlyRecording,
} from '../../store/usage/match-step-queries.js';
import { matchMedleys } from './match-medleys.js';
import { eachResourcePage } from './each-resource-page.js';
import { resolveWorkNumbers } from './resolve-work-numbers.js';
import { defaultTitleMatchThresholds, scoreTitleMatch, type TitleMatchCandidate, type TitleMatchThresholds } from '../score-title-match.js';

/** What matching needs besides the store: when and who (for the remembered matches), and how strict title matching is. */
export interface MatchOptions {
  readonly now: string;
  readonly actor: string;
  readonly thresholds?: TitleMatchThresholds;
  /** The store's engine, so the identifier joins are planned over whole sets (PostgreSQL); without it, as the planner likes. */
  readonly engine?: Engine;
  /**
   * How many resources each step matches at a time: 200,000 per statement of the identifier step, 20,000 open
   * resources per page of the steps in TypeScript, 5,000 medleys with their works, by default.
   */
  readonly resourcesPerPage?: number;
}

const titleChunk = 2000;
// Open resources are read a page at a time (by DSP resource id), so the heap holds one page whatever the report's size.
const defaultResourcesPerPage = 20_000;
// The identifier step is one statement per range of resources, sized so that the engine's hash tables stay small.
const defaultUnitsPerStatement = 200_000;

async function matchByWorkNumber(db: Kysely<ClefDatabase>, reportIds: readonly bigint[], perPage: number): Promise<void> {
  await eachResourcePage(reportIds, perPage, (reportId, after, limit) => openResourcesWithWorkNumbers(db, reportId, after, limit), async (open) => {
    const results = await resolveWorkNumbers(
      db,
      open.map((row) => ({ senderDpid: row.sender_dpid, numbers: (row.work_numbers ?? '').split('|').filter(Boolean), evidence: { titleKeys: [row.title_key], writerKeys: (row.writer_keys ?? '').split('|') } })),
      reportIds,
    );
    const found: FoundMatch[] = [];
    const notes: MatchNote[] = [];
    open.forEach((row, i) => {
      const result = results[i];
      const at = { reportId: BigInt(row.report_id), dspResourceId: row.dsp_resource_id };
      if (result.kind === 'work') found.push({ ...at, recordingId: null, workId: result.workId, method: 'work-number', confidence: 9800, status: 'work' });
      if (result.kind === 'guarded') notes.push({ ...at, note: `work number ${row.work_numbers} names ${result.workId}, set aside: ${result.reason}` });
    });
    await setMatches(db, found);
    await setMatchNotes(db, notes);
  });
  await addOnlyRecording(db, reportIds, 'work-number');
}

async function matchByTitle(db: Kysely<ClefDatabase>, reportIds: readonly bigint[], thresholds: TitleMatchThresholds, perPage: number): Promise<void> {
  await eachResourcePage(reportIds, perPage, (reportId, after, limit) => openResourcesForTitles(db, reportId, after, limit), async (open) => {
    for (let start = 0; start < open.length; start += titleChunk) await matchTitleChunk(db, open.slice(start, start + titleChunk), thresholds);
  });
}

async function matchTitleChunk(db: Kysely<ClefDatabase>, chunk: Awaited<ReturnType<typeof openResourcesForTitles>>, thresholds: TitleMatchThresholds): Promise<void> {
  const rows = await recordingCandidates(db, chunk.map((row) => row.title_key), chunk.map((row) => row.artist_key));
  const byTitle = new Map<string, TitleMatchCandidate[]>();
  const byArtist = new Map<string, TitleMatchCandidate[]>();
  for (const row of rows) {
    const candidate: TitleMatchCandidate = { recordingId: row.recording_id, isrc: row.isrc, titleKey: row.title_key, artistKey: row.artist_key, workId: row.work_id, creatorKey: row.creator_key };
    for (const [map, key] of [[byTitle, row.title_key], [byArtist, row.artist_key]] as const) {
      const list = map.get(key) ?? [];
      list.push(candidate);
      map.set(key, list);
    }
  }
  const found: FoundMatch[] = [];
  for (const resource of chunk) {
    const candidates = [...(byTitle.get(resource.title_key) ?? []), ...(byArtist.get(resource.artist_key) ?? [])];
    const result = scoreTitleMatch({ titleKey: resource.title_key, artistKey: resource.artist_key, writerKeys: (resource.writer_keys ?? '').split('|').filter(Boolean) }, candidates, thresholds);
    const at = { reportId: BigInt(resource.report_id), dspResourceId: resource.dsp_resource_id, method: 'title-artist', confidence: result.kind === 'none' ? 0 : result.confidence };
    if (result.kind === 'match') found.push({ ...at, recordingId: result.recordingId, workId: result.workId, status: result.workId ? 'matched' : 'recording' });
    else if (result.kind === 'ambiguous') found.push({ ...at, recordingId: null, workId: null, status: 'ambiguous' });
  }
  await setMatches(db, found);
}

/**
 * Matches the open resources of reports, in order: people's decisions for a DSP resource id; ISRC (ambiguous when
 * several recordings share it); the DSP resource id matched by an earlier report; ISWC; a society, proprietary or
 * Clef work number within its namespace and past the title/creator guard; a medley's works part by part;
 * normalized title and artist (and writers) above the thresholds. Then remembers the matches
 * for later reports. Run inside the writing transaction; the same inputs give the same matches on both engines.
 * The steps in TypeScript read and write a page of resources at a time, so memory does not grow with the report.
 */
export async function matchReports(db: Kysely<ClefDatabase>, reportIds: readonly bigint[], options: MatchOptions): Promise<void> {
  if (reportIds.length === 0) return;
  const rebuild = async (): Promise<void> => {
    for (const reportId of reportIds) await rebuildMatchedUnits(db, reportId, options.resourcesPerPage ?? defaultUnitsPerStatement);
  };
  await (options.engine ? options.engine.withWholeSetJoins(db, rebuild) : rebuild());
  await matchByWorkNumber(db, reportIds, options.resourcesPerPage ?? defaultResourcesPerPage);
  await matchMedleys(db, reportIds, options.resourcesPerPage);
  await matchByTitle(db, reportIds, options.thresholds ?? defaultTitleMatchThresholds, options.resourcesPerPage ?? defaultResourcesPerPage);
  await rememberMatches(db, reportIds, options.now, options.actor);
}
