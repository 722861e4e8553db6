import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { basename } from 'node:path';
import { requireRole } from '../../access/access-rules.js';
import { withTrainingReservations } from '../../ai/use-cases/training-label-subjects.js';
import { explicitLabelText, readAudioFile, readKeyring, verifyLabel } from '../../labels/index.js';
import { issueLabelFile } from '../../labels/use-cases/issue-label-file.js';
import { registryLabelSubjects } from '../../labels/use-cases/registry-label-subjects.js';
import { saveUploads } from '../save-uploads.js';

/**
 * Labels over HTTP: verification for anyone (upload an audio file, get its AIGC and C2PA labels checked against the
 * CMO's keys); issuing for staff, signed with the same keys.
 */
export function labelRoutes(keyFolder: string): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/labels/verify', {
      schema: { tags: ['labels'], summary: 'verify-label: the AIGC implicit label and C2PA manifest of an uploaded audio file (public)', consumes: ['multipart/form-data'], security: [] },
    }, async (request) => {
      const uploads = await saveUploads(request, request.server.clef.uploadDir);
      try {
        const verification = await verifyLabel(readAudioFile(uploads.paths[0]), readKeyring(keyFolder));
        const display = verification.aigc && explicitLabelText(verification.aigc.Label, verification.aigc.ContentProducer, verification.label?.digitalSourceType);
        return { ...verification, display };
      } finally {
        uploads.remove();
      }
    });

    app.post('/labels/issue', {
      schema: {
        tags: ['labels'], consumes: ['multipart/form-data'],
        summary: 'issue-label: the uploaded audio file (field `file`) labelled with a signed AIGC label and C2PA manifest, as an attachment; fields recording, or source_type, producer and content_id; level, generator_version, training_mining_default, cue=rhythm or a spoken-notice WAV in file field `cue` (staff)',
      },
    }, async (request, reply) => {
      requireRole(request.principal, 'admin');
      const uploads = await saveUploads(request, request.server.clef.uploadDir);
      try {
        const cueFile = uploads.files.cue;
        const file = uploads.files.file ?? uploads.paths.find((path) => path !== cueFile);
        const { fields } = uploads;
        const { store } = request.server.clef;
        const source = withTrainingReservations(registryLabelSubjects(store), store, () => request.server.clef.now().toISOString().slice(0, 10));
        const issued = await issueLabelFile(file ?? '', {
          recording: fields.recording || undefined, sourceType: fields.source_type || undefined, producer: fields.producer || undefined, contentId: fields.content_id || undefined,
          level: fields.level || undefined, generatorVersion: fields.generator_version || undefined, trainingMiningDefault: fields.training_mining_default || undefined,
          cue: cueFile ?? (fields.cue || undefined),
        }, readKeyring(keyFolder), source);
        const name = basename(file ?? 'labelled');
        return reply
          .type('application/octet-stream')
          .header('content-disposition', `attachment; filename="${name}"`)
          .header('x-clef-label', encodeURIComponent(issued.display))
          .send(Buffer.from(issued.bytes));
      } catch (error) {
        throw uploads.hideFolder(error);
      } finally {
        uploads.remove();
      }
    });
  };
}
