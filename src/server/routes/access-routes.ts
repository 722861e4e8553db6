import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireRole } from '../../access/access-rules.js';
import { roles } from '../../access/principal.js';
import { contextOf } from '../server-state.js';
import { createApiToken } from '../../access/use-cases/api-tokens.js';
import { addUser, listUsers } from '../../access/use-cases/users.js';

/** Who am I, and (staff) users and their tokens: the same use cases as `clef users` and `clef tokens`. */
export const accessRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/me', { schema: { tags: ['access'], summary: 'the caller: role and what it is bound to (public when anonymous)' } }, async (request) => request.principal);

  app.get('/users', { schema: { tags: ['access'], summary: 'list-users (staff)' } }, async (request) => {
    requireRole(request.principal, 'admin');
    return listUsers(contextOf(request));
  });

  app.post('/users', {
    schema: {
      tags: ['access'], summary: 'add-user (staff)',
      body: Type.Object({
        name: Type.String({ minLength: 1, maxLength: 64 }), role: Type.Union(roles.map((r) => Type.Literal(r))),
        party: Type.Optional(Type.String()), licensee: Type.Optional(Type.String()), dsp: Type.Optional(Type.String()), password: Type.Optional(Type.String({ minLength: 8 })),
      }),
    },
  }, async (request, reply) => {
    requireRole(request.principal, 'admin');
    return reply.code(201).send(await addUser(contextOf(request), request.body));
  });

  app.post('/users/:name/tokens', {
    schema: { tags: ['access'], summary: 'create-token: shown once (staff)', params: Type.Object({ name: Type.String() }) },
  }, async (request, reply) => {
    requireRole(request.principal, 'admin');
    return reply.code(201).send(await createApiToken(contextOf(request), request.params.name));
  });
};
