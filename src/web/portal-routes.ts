import type { FastifyPluginAsync } from 'fastify';

/** The web portal's pages. */
export const portalRoutes: FastifyPluginAsync = async (app) => {
  app.get('/', async (_request, reply) => reply.redirect('/docs'));
};
