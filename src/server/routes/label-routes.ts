import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { explicitLabelText, readAudioFile, readKeyring, verifyLabel } from '../../labels/index.js';
import { saveUploads } from '../save-uploads.js';

/** Label verification for anyone: upload an audio file, get its AIGC and C2PA labels checked against the CMO's keys. */
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
  };
}
