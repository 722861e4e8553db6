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

/** One file of an export: its path inside the export folder (empty for the single-file formats) and its text. */
export interface ReservationExportFile {
  readonly path: string;
  readonly text: string;
}

/**
 * The reservations in one format, as text: `tdmrep` (`.well-known/tdmrep.json` and the ODRL policy
 * `.well-known/tdm-policy.json`), `aipref` (`robots.txt` and `content-usage-headers.txt`), `cawg` (one
 * `cawg.training-mining` assertion per recording) or `csv` (each location's effective reservations). The server
 * publishes the same text the CLI writes.
 */
export async function reservationExportFiles(context: Pick<RegistryContext, 'store' | 'clock'>, request: Omit<ReservationExportRequest, 'out'>): Promise<ReservationExportFile[]> {
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
      { path: join('.well-known', 'tdmrep.json'), text: JSON.stringify(file.rules, null, 2) + '\n' },
      { path: join('.well-known', 'tdm-policy.json'), text: JSON.stringify(file.policy, null, 2) + '\n' },
    ];
  }
  if (request.format === 'aipref') {
    const rules = aiprefRules(locations);
    return [
      { path: 'robots.txt', text: rules.robotsTxt },
      { path: 'content-usage-headers.txt', text: rules.headers.map((h) => `${h.location}\t${h.header}`).join('\n') + '\n' },
    ];
  }
  if (request.format === 'cawg') return [{ path: '', text: JSON.stringify(cawg, null, 2) + '\n' }];
  return [{ path: '', text: reservationsCsv(locations) }];
}

/** Writes the reservations in one format (`reservationExportFiles`) into `out`, a folder or, for cawg and csv, a file; returns the files written. */
export async function exportReservations(context: RegistryContext, request: ReservationExportRequest): Promise<string[]> {
  const files = await reservationExportFiles(context, request);
  return files.map((file) => {
    const path = file.path === '' ? request.out : join(request.out, file.path);
    writeOutputFile(path, file.text);
    return path;
  });
}
