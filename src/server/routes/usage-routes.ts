import { basename } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ClefError } from '../../errors/index.js';
import { resolveWorkId } from '../../registry/use-cases/show-work.js';
import { listReportsWithSender } from '../../usage/use-cases/list-reports.js';
import { ingestReport } from '../../usage/use-cases/ingest-report.js';
import { listUnmatched, matchManually } from '../../usage/use-cases/worklists.js';
import { requireRole } from '../../access/access-rules.js';
import { requireOwnReports } from '../own-reports.js';
import { saveUploads } from '../save-uploads.js';
import { contextOf } from '../server-state.js';

/** Usage reports: staff and DSPs upload (a DSP only its own), staff and members search the unmatched, staff match by hand. */
export const usageRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/usage/reports', { schema: { tags: ['usage'], summary: 'list-reports with their match rates (staff; a DSP sees its own)' } }, async (request) => {
    const user = requireRole(request.principal, 'admin', 'dsp');
    const reports = await listReportsWithSender(contextOf(request));
    return user.role === 'dsp' ? reports.filter((r) => r.dpid === user.dpid) : reports;
  });

  app.post('/usage/reports', {
    schema: { tags: ['usage'], summary: 'ingest-report: upload DSR files (multipart, streamed to disk), validated, staged and matched (staff; a DSP its own)', consumes: ['multipart/form-data'], querystring: Type.Object({ replaces: Type.Optional(Type.String()) }) },
  }, async (request, reply) => {
    const user = requireRole(request.principal, 'admin', 'dsp');
    const uploads = await saveUploads(request, request.server.clef.uploadDir);
    try {
      requireOwnReports(user, uploads.paths);
      const outcomes = await ingestReport(contextOf(request), uploads.paths, { replaces: request.query.replaces ?? uploads.fields.replaces, findingCap: 100 });
      const named = outcomes.map((o) => ({ ...o, file: basename(o.file) }));
      return reply.code(outcomes.every((o) => o.outcome === 'staged') ? 201 : 422).send(named);
    } finally {
      uploads.remove();
    }
  });

  app.get('/usage/unmatched', {
    schema: {
      tags: ['usage'], summary: 'list-unmatched: DSP resources no work was found for, most used first (staff and members, to claim)',
      querystring: Type.Object({ period: Type.Optional(Type.String()), dsp: Type.Optional(Type.String()), q: Type.Optional(Type.String({ maxLength: 200 })), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 1000, default: 100 })) }),
    },
  }, async (request) => {
    requireRole(request.principal, 'admin', 'member');
    const rows = await listUnmatched(contextOf(request), { period: request.query.period, dsp: request.query.dsp }, request.query.q ? 1000 : (request.query.limit ?? 100));
    const q = request.query.q?.toLowerCase();
    return q ? rows.filter((r) => `${r.title} ${r.display_artist} ${r.isrc ?? ''}`.toLowerCase().includes(q)).slice(0, request.query.limit ?? 100) : rows;
  });

  app.post('/usage/matches', {
    schema: {
      tags: ['usage'], summary: 'match-manually: a DSP resource to a work and/or recording, for every report (staff)',
      body: Type.Object({ resource: Type.String({ description: 'DPID:DspResourceId' }), work: Type.Optional(Type.String()), recording: Type.Optional(Type.String()) }),
    },
  }, async (request, reply) => {
    requireRole(request.principal, 'admin');
    const context = contextOf(request);
    if (!request.body.work && !request.body.recording) throw new ClefError('CLEF_SERVER_REQUEST_INVALID', 'give work and/or recording', { field: 'body.work' });
    const workId = request.body.work ? await resolveWorkId(context, request.body.work) : null;
    const { reports } = await matchManually(context, request.body.resource, { workId, recordingId: request.body.recording ?? null });
    return reply.code(201).send({ resource: request.body.resource, work_id: workId, recording_id: request.body.recording ?? null, reports });
  });
};
