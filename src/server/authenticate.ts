import type {} from '@fastify/cookie';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { ClefError } from '../errors/index.js';
import { publicPrincipal } from '../access/principal.js';
import { authenticateToken } from '../access/use-cases/api-tokens.js';
import { findSession } from '../access/use-cases/web-sessions.js';

/** The web session cookie: HttpOnly and SameSite, so page scripts and other sites' forms cannot use it. */
export const sessionCookie = 'clef_session';

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

function csrfTokenOf(request: FastifyRequest): string | undefined {
  const header = request.headers['x-csrf-token'];
  if (typeof header === 'string') return header;
  const body = request.body as { _csrf?: unknown } | undefined;
  if (body && typeof body === 'object' && typeof body._csrf === 'string') return body._csrf;
  const query = request.query as { _csrf?: unknown } | undefined;
  return typeof query?._csrf === 'string' ? query._csrf : undefined;
}

/**
 * Sets `request.principal` on every request: from `Authorization: Bearer TOKEN`, else from the session cookie,
 * else the anonymous public. A request riding on the cookie that changes anything must carry the session's
 * anti-forgery token; a bearer token cannot be sent by another site, so API calls need none.
 */
export function installAuthentication(app: FastifyInstance): void {
  app.decorateRequest('principal', null as never);
  app.decorateRequest('webSession', undefined);
  app.addHook('onRequest', async (request) => {
    request.principal = publicPrincipal;
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S+)$/i.exec(authorization);
      if (!match) throw new ClefError('CLEF_AUTH_CREDENTIALS_INVALID', 'the Authorization header must be Bearer TOKEN');
      request.principal = await authenticateToken(app.clef.store, match[1]);
      return;
    }
    const sessionId = request.cookies[sessionCookie];
    if (!sessionId) return;
    const session = await findSession(app.clef.store, sessionId, app.clef.now());
    if (!session) return;
    request.webSession = session;
    request.principal = session.principal;
  });
  app.addHook('preHandler', async (request) => {
    if (!request.webSession || !unsafeMethods.has(request.method) || request.headers.authorization) return;
    if (csrfTokenOf(request) !== request.webSession.csrfToken) throw new ClefError('CLEF_AUTH_CSRF_INVALID', 'the form carries no valid anti-forgery token: reload the page and try again');
  });
}
