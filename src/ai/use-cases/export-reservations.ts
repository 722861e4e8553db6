import { writeOutputFile } from '../../formats/output/index.js';
import { join } from 'node:path';
import { ClefError } from '../../errors/index.js';
import { uniformReservation } from '../../labels/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { isIsoDate } from '../../calendar/index.js';
import { showSettings } from '../../registry/use-cases/settings.js';
import { aiprefRules } from '../aipref-rules.js';
import { hasReservation, type ReservedLocation } from '../reserved-location.js';
import { reservationsCsv } from '../reservations-csv.js';
import { resolveReservations } from '../resolve-reservation.js';
import { tdmRepFile } from '../tdmrep-file.js';
import { trainingMiningEntries } from '../training-mining-entries.js';
import { loadReservations } from './reservations.js';
import { loadTrainingSubjects, reservationSubject } from './training-subjects.js';
import { reservationExportFormats } from '../reservation-export-format.js';

export { reservationExportFormats } from '../reservation-export-format.js';

/** What to export, where, as of which date, and the site the TDMRep and aipref paths belong to. */
export interface ReservationExportRequest {
  readonly format: string;
  readonly out: string;
  /** ISO date the reservations are resolved at; today when omitted. */
  readonly date?: string;
  /** The site's origin (`https://cmo.example`); paths are site-relative when omitted. */
  readonly site?: string;
}

/** One recording's CAWG `cawg.training-mining` assertion. */
export interface CawgAssertionExport {
  readonly recording_id: string;
  readonly isrc: string | null;
  readonly label: 'cawg.training-mining';
  readonly data: { readonly entries: Record<string, { readonly use: string; readonly constraint_info?: string }> };
}

/**
 * Every work and recording whose reservations something decides, and the repertoire, resolved at a date: a work
 * at `/works/ID`, a recording at `/recordings/ISRC` (its id without one), the repertoire at `/*`.
 */
export async function reservedLocations(context: Pick<RegistryContext, 'store'>, date: string): Promise<{ locations: ReservedLocation[]; cawg: CawgAssertionExport[] }> {
  const reservations = await loadReservations(context.store.db);
  const subjects = await loadTrainingSubjects(context.store.db);
  const locations: ReservedLocation[] = [];
  const byRepertoire = (l: ReservedLocation) => Object.values(l.resolved).every((e) => e === null || e.reservation.scope.kind === 'repertoire');
  for (const [workId, work] of subjects.works) {
    const resolved = resolveReservations(reservations, reservationSubject(subjects, { workId }), date);
    locations.push({ kind: 'work', id: workId, location: `/works/${workId}`, isrc: null, iswc: work.iswc, title: work.title, resolved });
  }
  const cawg: CawgAssertionExport[] = [];
  for (const [recordingId, recording] of subjects.recordings) {
    const resolved = resolveReservations(reservations, reservationSubject(subjects, { recordingId }), date);
    locations.push({ kind: 'recording', id: recordingId, location: `/recordings/${recording.isrc ?? recordingId}`, isrc: recording.isrc, iswc: null, title: recording.title, resolved });
    const entries = trainingMiningEntries(resolved) ?? uniformReservation('notAllowed');
    cawg.push({ recording_id: recordingId, isrc: recording.isrc, label: 'cawg.training-mining', data: { entries: { ...entries } } });
  }
  const repertoire: ReservedLocation = { kind: 'repertoire', id: '', location: '/*', isrc: null, iswc: null, title: null, resolved: resolveReservations(reservations, { workIds: [], partyIds: [] }, date) };
  return { locations: [...locations.filter((l) => hasReservation(l) && !byRepertoire(l)), repertoire], cawg };
}

function write(path: string, text: string): string {
  writeOutputFile(path, text);
  return path;
}

/**
 * Writes the reservations in one format: `tdmrep` (a folder with `.well-known/tdmrep.json` and the ODRL policy
 * `.well-known/tdm-policy.json`), `aipref` (a folder with `robots.txt` and `content-usage-headers.txt`), `cawg` (a
 * JSON file of one `cawg.training-mining` assertion per recording) or `csv` (a file: each location's effective
 * reservations). Returns the files written.
 */
export async function exportReservations(context: RegistryContext, request: ReservationExportRequest): Promise<string[]> {
  if (!(reservationExportFormats as readonly string[]).includes(request.format)) {
    throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--format takes ${reservationExportFormats.join(', ')}, not ${request.format}`, { field: '--format', value: request.format });
  }
  const date = request.date ?? context.clock().slice(0, 10);
  if (!isIsoDate(date)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `--date must be YYYY-MM-DD, not ${date}`, { field: '--date', value: date });
  const { locations, cawg } = await reservedLocations(context, date);
  const site = (request.site ?? '').replace(/\/+$/, '');
  if (request.format === 'tdmrep') {
    const settings = await showSettings(context);
    const policyUrl = `${site}/.well-known/tdm-policy.json`;
    const file = tdmRepFile(locations, { policyUrl, site, cmoName: settings.name ?? 'the CMO' });
    return [
      write(join(request.out, '.well-known', 'tdmrep.json'), JSON.stringify(file.rules, null, 2) + '\n'),
      write(join(request.out, '.well-known', 'tdm-policy.json'), JSON.stringify(file.policy, null, 2) + '\n'),
    ];
  }
  if (request.format === 'aipref') {
    const rules = aiprefRules(locations);
    return [
      write(join(request.out, 'robots.txt'), rules.robotsTxt),
      write(join(request.out, 'content-usage-headers.txt'), rules.headers.map((h) => `${h.location}\t${h.header}`).join('\n') + '\n'),
    ];
  }
  if (request.format === 'cawg') return [write(request.out, JSON.stringify(cawg, null, 2) + '\n')];
  return [write(request.out, reservationsCsv(locations))];
}
