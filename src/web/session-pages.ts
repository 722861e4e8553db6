import type { FastifyPluginAsync } from 'fastify';
import { ClefError, isClefError } from '../errors/index.js';
import { sessionCookie } from '../server/authenticate.js';
import { logIn, logOut, sessionHours } from '../access/use-cases/web-sessions.js';
import { frameOf, renderPage } from './render-page.js';

/** Only paths on this site are followed after login, so a link cannot bounce a user elsewhere. */
function safeNext(next: unknown): string {
  return typeof next === 'string' && /^\/(?![/\\])/.test(next) ? next : '';
}

/** Where each role starts after login. */
const homeOf: Record<string, string> = { admin: '/staff', member: '/my', dsp: '/dsp', licensee: '/licensee' };

/** Password login and logout: an HttpOnly, SameSite session cookie holding a random id whose digest the store keeps. */
export const sessionPages: FastifyPluginAsync = async (app) => {
  app.get('/login', async (request, reply) => renderPage(request, reply, 'login', frameOf(request).t('login.title'), { failed: false, next: safeNext((request.query as { next?: string }).next), user: '' }));

  app.post('/login', { config: { rateLimit: { max: 10, timeWindow: '1 minute' } } }, async (request, reply) => {
    const body = (request.body ?? {}) as { user?: string; password?: string; next?: string };
    try {
      const session = await logIn(app.clef.store, String(body.user ?? ''), String(body.password ?? ''), app.clef.now());
      reply.setCookie(sessionCookie, session.sessionId, { path: '/', httpOnly: true, sameSite: 'lax', secure: request.protocol === 'https', maxAge: sessionHours * 3600 });
      const role = session.principal.role;
      return reply.redirect(safeNext(body.next) || homeOf[role] || '/', 303);
    } catch (error) {
      if (!isClefError(error, 'CLEF_AUTH_CREDENTIALS_INVALID')) throw error;
      return renderPage(request, reply, 'login', frameOf(request).t('login.title'), { failed: true, next: safeNext(body.next), user: String(body.user ?? '') }, 401);
    }
  });

  app.post('/logout', async (request, reply) => {
    if (!request.webSession) throw new ClefError('CLEF_AUTH_REQUIRED', 'not signed in');
    await logOut(app.clef.store, request.webSession.sessionId);
    reply.clearCookie(sessionCookie, { path: '/' });
    return reply.redirect('/', 303);
  });
};
