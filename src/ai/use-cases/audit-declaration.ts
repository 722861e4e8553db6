import { writeOutputFile } from '../../formats/output/index.js';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import { ClefError } from '../../errors/index.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { showSettings } from '../../registry/use-cases/settings.js';
import { findDeclarationRow, readDeclarationEntries } from '../../store/ai/declaration-queries.js';
import type { ClefDatabase } from '../../store/index.js';
import type { AiLicence } from '../ai-licence.js';
import { auditCategory, type AuditVerdict } from '../audit-category.js';
import { auditHtml, emptyAudit, type AuditReport } from '../audit-report.js';
import { resolveReservations } from '../resolve-reservation.js';
import { licenceOf, requireLicence } from './licences.js';
import { loadReservations } from './reservations.js';
import { loadTrainingSubjects, reservationSubject } from './training-subjects.js';

/** A declared item with its identity and its audit verdict. */
export interface AuditedEntry {
  readonly row: ClefDatabase['ai_declaration_entries'];
  /** The work it was identified as (through its recording where only the recording was). */
  readonly workId: string | null;
  readonly verdict: AuditVerdict;
}

/** A declaration's audit: the declaration, its licence, each entry's verdict and the report by category. */
export interface DeclarationAudit {
  readonly declaration: ClefDatabase['ai_declarations'];
  readonly licence: AiLicence;
  readonly licensee: ClefDatabase['ai_licensees'];
  readonly entries: readonly AuditedEntry[];
  readonly report: AuditReport;
}

/** Sorts every entry of a declaration into its audit category, resolving reservations on the training date. */
export async function classifyDeclaration(db: Kysely<ClefDatabase>, declarationId: string): Promise<DeclarationAudit> {
  const declaration = await findDeclarationRow(db, declarationId);
  if (!declaration) throw new ClefError('CLEF_NOT_FOUND', `no declaration ${declarationId} (see clef ai declarations import)`, { value: declarationId });
  const { row, licensee } = await requireLicence(db, declaration.licence_id);
  const licence = licenceOf(row);
  const reservations = await loadReservations(db);
  const subjects = await loadTrainingSubjects(db);
  const report = emptyAudit();
  const entries = (await readDeclarationEntries(db, declarationId)).map((entry): AuditedEntry => {
    const workId = entry.work_id ?? (entry.recording_id ? [...(subjects.recordings.get(entry.recording_id)?.workIds ?? [])].sort()[0] ?? null : null);
    const resolved = resolveReservations(reservations, reservationSubject(subjects, { workId, recordingId: entry.recording_id }), declaration.training_date);
    const verdict = auditCategory({ workId, recordingId: entry.recording_id, resolved }, licence, declaration.training_date);
    const iswc = entry.iswc ?? (workId ? subjects.works.get(workId)?.iswc ?? null : null);
    const isrc = entry.isrc ?? (entry.recording_id ? subjects.recordings.get(entry.recording_id)?.isrc ?? null : null);
    report[verdict.category].push({ work_id: workId, recording_id: entry.recording_id, isrc, iswc, method: entry.method, evidence: `${entry.evidence}; ${verdict.reason}` });
    return { row: entry, workId, verdict };
  });
  return { declaration, licence, licensee, entries, report };
}

/** The audit of a declaration as `clef ai audit --json` prints it: exactly the four categories. */
export async function auditDeclaration(context: Pick<RegistryContext, 'store'>, declarationId: string): Promise<DeclarationAudit> {
  return classifyDeclaration(context.store.db, declarationId);
}

/** The readable HTML report of an audit: counts per category, then each entry with its evidence. */
export async function auditReportHtml(context: Pick<RegistryContext, 'store'>, audit: DeclarationAudit): Promise<string> {
  const settings = await showSettings(context);
  return auditHtml(audit.report, {
    declarationId: audit.declaration.declaration_id, licenceId: audit.licence.licenceId, licensee: audit.licensee.legal_name,
    model: `${audit.declaration.model_name} ${audit.declaration.model_version}`, trainingDate: audit.declaration.training_date, cmoName: settings.name ?? 'The CMO',
  });
}

/** Writes an audit into a folder as `<declaration>-audit.json` and a readable `<declaration>-audit.html`; returns the paths. */
export async function writeAudit(context: Pick<RegistryContext, 'store'>, audit: DeclarationAudit, outDir: string): Promise<string[]> {
  const base = join(outDir, `${audit.declaration.declaration_id}-audit`);
  writeOutputFile(`${base}.json`, JSON.stringify(audit.report, null, 2) + '\n');
  writeOutputFile(`${base}.html`, await auditReportHtml(context, audit));
  return [`${base}.json`, `${base}.html`];
}
