import { createReadStream, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, join } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireRole } from '../../access/access-rules.js';
import type { Finding } from '../../errors/index.js';
import { isAboveFieldLevel, parseCwrSender, validateCwrFile } from '../../formats/cwr/index.js';
import { parseSubmitterText } from '../../registry/submitter-text.js';
import { exportWorksCwr } from '../../registry/use-cases/export-works-cwr.js';
import { importAcks } from '../../registry/use-cases/import-acks.js';
import { importWorksCsv } from '../../registry/use-cases/import-works-csv.js';
import { importWorksCwr } from '../../registry/use-cases/import-works-cwr.js';
import { requireSettings } from '../../registry/use-cases/settings.js';
import { isCwrFile } from '../../registry/use-cases/works-file-kind.js';
import { saveUploads, type SavedUploads } from '../save-uploads.js';
import { contextOf } from '../server-state.js';

/** A finding as the API shows it: located by the uploaded file's own name, never the server's upload folder. */
function locatedFinding(finding: Finding) {
  const { file, line, column, recordType, field, value } = finding.location;
  return { file: file === undefined ? null : basename(file), line: line ?? null, column: column ?? null, record_type: recordType ?? null, field: field ?? null, value: value ?? null, severity: finding.severity, code: finding.code, message: finding.message };
}

/** `?works=W1,W2` as ids; left empty, every work (as without it). */
function workIdsOf(text: string | undefined): string[] | undefined {
  const ids = text?.split(',').map((id) => id.trim().toUpperCase()).filter(Boolean);
  return ids && ids.length > 0 ? ids : undefined;
}

/** Runs `work` on the uploaded files, then removes them; a coded error names the user's file, not the server's folder. */
async function withUploads<T>(uploads: SavedUploads, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    throw uploads.hideFolder(error);
  } finally {
    uploads.remove();
  }
}

/** CWR exchange (the same use cases as `clef cwr validate`, `clef works import|export`, `clef acks import`), staff only. */
export const cwrRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.post('/cwr/validate', {
    schema: { tags: ['cwr'], summary: 'validate-cwr: the located findings of an uploaded CWR 2.1/2.2/3.x file; `rejecting` when one rejects more than a field (staff)', consumes: ['multipart/form-data'] },
  }, async (request) => {
    requireRole(request.principal, 'admin');
    const uploads = await saveUploads(request, request.server.clef.uploadDir);
    return withUploads(uploads, async () => {
      const report = await validateCwrFile(uploads.paths[0], request.server.clef.lookups);
      const findings = report.findingList.map(locatedFinding);
      return { file: basename(report.file), version: report.version, records: report.lines, groups: report.groups, transactions: report.transactions, rejecting: report.findingList.some((f) => isAboveFieldLevel(f.severity)), findings };
    });
  });

  app.post('/works/import', {
    schema: {
      tags: ['registry'], summary: 'import-works: a CWR file (accepted or rejected per transaction; ?ack=true returns its ACK) or a works CSV (fields submitter SO:|PB:|WR:, skip_invalid) (staff)',
      consumes: ['multipart/form-data'], querystring: Type.Object({ ack: Type.Optional(Type.Boolean()) }),
    },
  }, async (request, reply) => {
    requireRole(request.principal, 'admin');
    const uploads = await saveUploads(request, request.server.clef.uploadDir);
    const context = contextOf(request);
    return withUploads(uploads, async () => {
      const file = uploads.paths[0];
      const submitterText = uploads.fields.submitter || undefined;
      if (isCwrFile(file)) {
        const submitter = submitterText ? await parseSubmitterText(submitterText, async () => '') : undefined;
        const ackPath = request.query.ack ? `${file}.ACK` : undefined;
        const summary = await importWorksCwr(context, file, { submitter, ackPath });
        const ack = summary.ackPath ? readFileSync(summary.ackPath, 'latin1') : undefined;
        // The ACK's path is the server's upload folder: the caller gets its text instead.
        const body = { ...summary, file: basename(summary.file), findings: summary.findings.map(locatedFinding), ackPath: undefined, ack };
        return reply.code(summary.refused ? 422 : 201).send(body);
      }
      const submitter = await parseSubmitterText(submitterText, async () => (await requireSettings(context, ['societyCode'])).societyCode);
      const skipInvalid = uploads.fields.skip_invalid === 'true';
      const summary = await importWorksCsv(context, file, { submitter, skipInvalid });
      return reply.code(summary.imported ? 201 : 422).send({ ...summary, file: basename(summary.file), findings: summary.findings.map(locatedFinding) });
    });
  });

  app.get('/works/export', {
    schema: {
      tags: ['registry'], summary: 'export-works-cwr: works as a CWR 2.1 or 2.2 registration file, as an attachment (staff)',
      querystring: Type.Object({
        format: Type.Union([Type.Literal('cwr21'), Type.Literal('cwr22')]),
        works: Type.Optional(Type.String({ maxLength: 100_000, description: 'comma-separated work ids (default: every work)' })),
        sender: Type.Optional(Type.String({ maxLength: 40, description: 'SO:<society code> (default: the CMO), PB:<IPI> or WR:<IPI>' })),
      }),
    },
  }, async (request, reply) => {
    requireRole(request.principal, 'admin');
    const folder = join(request.server.clef.uploadDir, `export-${randomBytes(8).toString('hex')}`);
    mkdirSync(folder, { recursive: true });
    const remove = () => rmSync(folder, { recursive: true, force: true });
    try {
      const summary = await exportWorksCwr(contextOf(request), {
        version: request.query.format === 'cwr21' ? '2.1' : '2.2',
        sender: request.query.sender ? parseCwrSender(request.query.sender) : undefined,
        workIds: workIdsOf(request.query.works),
        out: folder,
      });
      // Streamed, not read whole: an export of every work runs to hundreds of megabytes; the folder goes once it is sent.
      const stream = createReadStream(summary.path);
      stream.once('close', remove);
      return reply
        .type('text/plain; charset=iso-8859-1')
        .header('content-disposition', `attachment; filename="${basename(summary.path)}"`)
        .header('x-clef-works', String(summary.works))
        .send(stream);
    } catch (error) {
      remove();
      throw error;
    }
  });

  app.post('/acks/import', {
    schema: { tags: ['registry'], summary: 'import-acks: a society\'s CWR acknowledgement file: statuses, society work numbers, ISWCs (staff)', consumes: ['multipart/form-data'] },
  }, async (request, reply) => {
    requireRole(request.principal, 'admin');
    const uploads = await saveUploads(request, request.server.clef.uploadDir);
    return withUploads(uploads, async () => {
      const summary = await importAcks(contextOf(request), uploads.paths[0]);
      return reply.code(summary.duplicate ? 200 : 201).send({ ...summary, file: basename(summary.file), findings: summary.findings.map(locatedFinding) });
    });
  });
};
