import type { FastifyRequest } from 'fastify';
import { requireLicensee, requireRole } from '../access/access-rules.js';
import { auditDeclaration } from '../ai/use-cases/audit-declaration.js';
import { importDeclaration } from '../ai/use-cases/import-declaration.js';
import { showLicence } from '../ai/use-cases/licences.js';
import { addRevenue } from '../ai/use-cases/revenue-reports.js';
import { ClefError } from '../errors/index.js';
import { saveUploads } from './save-uploads.js';
import { contextOf } from './server-state.js';

/** Loads a licence and lets staff, or the licensee it belongs to, reach it. */
export async function reachLicence(request: FastifyRequest, licenceId: string) {
  requireRole(request.principal, 'admin', 'licensee');
  const licence = await showLicence(contextOf(request), licenceId);
  requireLicensee(request.principal, licence.licensee_id);
  return licence;
}

/** Loads a declaration's audit and lets staff, or the licensee whose licence it is under, reach it. */
export async function reachAudit(request: FastifyRequest, declarationId: string) {
  requireRole(request.principal, 'admin', 'licensee');
  const audit = await auditDeclaration(contextOf(request), declarationId);
  requireLicensee(request.principal, audit.licensee.licensee_id);
  return audit;
}

/** A licensee's training-data declaration, streamed to disk: the manifest (CSV or JSON) and optionally the summary. */
export async function receiveDeclaration(request: FastifyRequest, licenceId: string) {
  const uploads = await saveUploads(request, request.server.clef.uploadDir);
  try {
    // A client that names its one file otherwise (curl -F file=@…) still declares it; the summary is never the manifest.
    const manifest = uploads.files.manifest ?? uploads.paths.find((path) => path !== uploads.files.summary);
    if (!manifest) throw new ClefError('CLEF_SERVER_REQUEST_INVALID', 'send the manifest (CSV or JSON) in the file field manifest', { field: 'manifest' });
    const f = uploads.fields;
    return await importDeclaration(contextOf(request), {
      file: manifest, licenceId, summaryFile: uploads.files.summary, modelName: f.model || undefined, modelVersion: f.model_version || undefined, trainingDate: f.trained_on || undefined,
    });
  } catch (error) {
    throw uploads.hideFolder(error);
  } finally {
    uploads.remove();
  }
}

/** A licensee's monthly revenue report with, optionally, its attribution report file. */
export async function receiveRevenue(request: FastifyRequest, licenceId: string) {
  const uploads = await saveUploads(request, request.server.clef.uploadDir, { optional: true });
  try {
    const f = uploads.fields;
    if (!f.period) throw new ClefError('CLEF_SERVER_REQUEST_INVALID', 'give the month as period=YYYY-MM', { field: 'period' });
    if (!f.net) throw new ClefError('CLEF_SERVER_REQUEST_INVALID', 'give the net revenue as net=AMOUNT', { field: 'net' });
    return await addRevenue(contextOf(request), { licenceId, period: f.period, net: f.net, outputRevenue: f.output_revenue || undefined, attributionFile: uploads.files.attribution });
  } catch (error) {
    throw uploads.hideFolder(error);
  } finally {
    uploads.remove();
  }
}

