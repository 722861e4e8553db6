import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { showRun, type RunFigures } from '../../distribution/use-cases/run-figures.js';
import { buildStatements, type Statement } from '../../distribution/use-cases/write-statements.js';
import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { auditDeclaration, writeAudit, type DeclarationAudit } from './audit-declaration.js';
import { distributeAi, type AiDistributeOutcome } from './distribute-ai.js';
import { exportReservations } from './export-reservations.js';
import { importDeclaration } from './import-declaration.js';
import { addLicence, addLicensee, type LicenceView } from './licences.js';
import { setReservation, type ReservationView } from './reservations.js';
import { addRevenue, type RevenueView } from './revenue-reports.js';

/** What the AI demo did: the reservation, licence, audit, revenue report, run and one member's statement. */
export interface AiDemo {
  readonly reservation: ReservationView;
  readonly licensee: string;
  readonly licence: LicenceView;
  readonly audit: DeclarationAudit;
  readonly auditFiles: readonly string[];
  readonly exportFiles: readonly string[];
  readonly revenue: RevenueView;
  readonly outcome: AiDistributeOutcome;
  readonly figures: RunFigures;
  /** The member's AI statement, or null when the run paid them nothing. */
  readonly statement: Statement | null;
}

/**
 * The AI-training demo on a store holding the demo catalogue and members: Starlight Music Publishing reserves
 * "Harbour Lights" against AI training; an AI developer takes a licence for one model version (every work not
 * reserved, a training fee divided equally, 30 % of net revenue with a minimum guarantee); its declaration lists
 * four catalogue recordings, the reserved one among them, and a track nobody registered; the audit finds one
 * violation and one unidentified item; a revenue report with attribution follows and an AI remuneration run books
 * it, Wang Fang's share (a non-member) in escrow. Files go to `filesDir/ai`.
 */
export async function runAiDemo(context: RegistryContext, filesDir: string, memberIpi = '00012345036'): Promise<AiDemo> {
  const dir = join(filesDir, 'ai');
  mkdirSync(dir, { recursive: true });
  const reservation = await setReservation(context, { work: 'T-345.246.839-8', use: 'ai_training', status: 'notAllowed', from: '2025-01-01' });
  const licensee = await addLicensee(context, { name: 'Melodia AI Ltd', country: 'GB', registrationNumber: '12345678', contact: 'licensing@melodia.example' });
  const licence = await addLicence(context, {
    licensee: licensee.licensee_id, model: 'Melodia', modelVersion: '2.0', from: '2025-01-01', to: '2025-12-31', uses: 'ai_training,ai_generative_training',
    outputs: 'background music for video', scope: 'not-reserved', division: 'equal', trainingFee: '50000', revenueShare: '30', minimumGuarantee: '2000', outputRate: '10',
  });
  const manifest = join(dir, 'melodia-2.0-manifest.csv');
  writeFileSync(manifest, [
    'isrc,iswc,title,artist,duration_used_s',
    'CNA1M2600001,,River of Stars,Li Wei & Claire Moreau,225',
    ',T-345.246.852-5,Paper Lanterns,Wang Fang & Li Wei,185',
    ',,Harbour Lights,Tom Harris,200',
    'CNA1M2600003,,The Café on Nanjing Road,Chen Jie,178',
    ',,Midnight Ferry (demo),The Unsigned,180',
  ].join('\n') + '\n');
  const declared = await importDeclaration(context, { file: manifest, licenceId: licence.licence_id, trainingDate: '2025-03-01' });
  const audit = await auditDeclaration(context, declared.declaration_id);
  const auditFiles = await writeAudit(context, audit, dir);
  const exportFiles = await exportReservations(context, { format: 'tdmrep', out: join(dir, 'site'), date: '2025-03-01', site: 'https://demo-cmo.example' });
  const attribution = join(dir, 'melodia-2025-01-attribution.json');
  writeFileSync(attribution, JSON.stringify({ period: '2025-01', total: '1', weights: [{ isrc: 'CNA1M2600001', weight: '0.5' }, { iswc: 'T-345.246.852-5', weight: '0.3' }, { work_id: audit.report.licensed[2]?.work_id ?? 'W00000003', weight: '0.2' }] }, null, 2) + '\n');
  const revenue = await addRevenue(context, { licenceId: licence.licence_id, period: '2025-01', net: '40000', outputRevenue: '5000', attributionFile: attribution });
  const outcome = await distributeAi(context, { licenceId: licence.licence_id, period: '2025-01' });
  const figures = await showRun(context, outcome.run_id);
  const statement = (await buildStatements(context, outcome.run_id)).find((s) => s.payee.kind === 'member' && s.payee.ipi_name_numbers.includes(memberIpi)) ?? null;
  return { reservation, licensee: licensee.legal_name, licence, audit, auditFiles, exportFiles, revenue, outcome, figures, statement };
}
