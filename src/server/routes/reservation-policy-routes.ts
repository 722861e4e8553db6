import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import { reservationExportFiles } from '../../ai/use-cases/export-reservations.js';
import { contextOf } from '../server-state.js';

/**
 * The effective reservations today, in one format. Paths stay site-relative: an origin taken from the request's Host
 * header would let any caller write its own site into a response caches keep.
 */
function policyFiles(request: FastifyRequest, format: 'tdmrep' | 'aipref') {
  return reservationExportFiles(contextOf(request), { format });
}

/**
 * The CMO's AI-training reservation policy for anyone, crawlers first: W3C TDMRep at `/.well-known/tdmrep.json` with
 * its ODRL offer, the aipref `robots.txt`, and both through the API. The same text `clef ai reservations export` writes.
 */
export const reservationPolicyRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const serve = (path: string, format: 'tdmrep' | 'aipref', file: string, type: string) =>
    app.get(path, { schema: { hide: true } }, async (request, reply) => {
      const found = (await policyFiles(request, format)).find((f) => f.path.endsWith(file))!;
      return reply.type(type).header('cache-control', 'public, max-age=3600').send(found.text);
    });
  serve('/.well-known/tdmrep.json', 'tdmrep', 'tdmrep.json', 'application/json; charset=utf-8');
  serve('/.well-known/tdm-policy.json', 'tdmrep', 'tdm-policy.json', 'application/json; charset=utf-8');
  serve('/robots.txt', 'aipref', 'robots.txt', 'text/plain; charset=utf-8');

  app.get('/api/ai/policy', {
    schema: {
      tags: ['ai'], summary: 'reservation-policy: the effective AI-training reservations as TDMRep or aipref files (public)', security: [],
      querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('tdmrep'), Type.Literal('aipref')])) }),
    },
  }, async (request) => ({ format: request.query.format ?? 'tdmrep', files: await policyFiles(request, request.query.format ?? 'tdmrep') }));
};
