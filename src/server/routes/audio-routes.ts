import { basename } from 'node:path';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { requireRole } from '../../access/access-rules.js';
import { audioIndexExists, identifyAudioFiles } from '../../audio/index.js';
import { ClefError } from '../../errors/index.js';
import { registryRecordingCatalogue } from '../../audio/use-cases/registry-recording-catalogue.js';
import { saveUploads } from '../save-uploads.js';

/** Audio identification (the same use case as `clef audio identify`) against the index folder the server was given. */
export function audioRoutes(indexDir: string): FastifyPluginAsyncTypebox {
  return async (app) => {
    app.post('/audio/identify', {
      schema: {
        tags: ['audio'], summary: 'identify-audio: the registered recordings heard in each uploaded audio file, with where and how well they match (staff, licensees, DSPs)',
        consumes: ['multipart/form-data'],
      },
    }, async (request, reply) => {
      requireRole(request.principal, 'admin', 'licensee', 'dsp');
      // Said without the server's folder, which is no caller's business.
      if (!audioIndexExists(indexDir)) throw new ClefError('CLEF_AUDIO_INDEX_MISSING', 'this server has no audio index yet: staff build one with `clef audio index` beside the store');
      const uploads = await saveUploads(request, request.server.clef.uploadDir);
      try {
        const results = await identifyAudioFiles(uploads.paths, { indexDir, catalogue: registryRecordingCatalogue(request.server.clef.store) });
        // A file that cannot be decoded is an entry with its error, as on the command line; its message names the user's file only.
        const named = results.map((r) => ({ ...r, file: basename(r.file), ...(r.error ? { error: { code: r.error.code, message: r.error.message.replaceAll(`${r.file}`, basename(r.file)) } } : {}) }));
        return reply.code(results.some((r) => r.error) ? 422 : 200).send(named);
      } catch (error) {
        throw uploads.hideFolder(error);
      } finally {
        uploads.remove();
      }
    });
  };
}
