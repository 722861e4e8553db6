import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { FastifyPluginAsync } from 'fastify';
import { isClefError } from '../errors/index.js';
import { problemOf } from '../server/problem-details.js';
import { isLocale } from './message-catalogue.js';
import { licenseePages } from './licensee-pages.js';
import { memberPages } from './member-pages.js';
import { publicPages } from './public-pages.js';
import { frameOf, localeCookie, renderPage } from './render-page.js';
import { reservationPages } from './reservation-pages.js';
import { sessionPages } from './session-pages.js';
import { staffAiPages } from './staff-ai-pages.js';
import { staffPages } from './staff-pages.js';
import { workPages } from './work-pages.js';

const require = createRequire(import.meta.url);
// Served from this server: the portal's users may have no internet, so no CDN.
const htmx = readFileSync(require.resolve('htmx.org/dist/htmx.min.js'));
const css = readFileSync(new URL('../../data/web/assets/portal.css', import.meta.url));

/**
 * The web portal: server-rendered pages in English and Simplified Chinese calling the same use cases as the API.
 * A page that needs a login sends the browser to it; other failures show a page in the reader's language.
 */
export function portalRoutes(keyFolder: string): FastifyPluginAsync {
  return async (app) => {
    app.get('/assets/htmx.min.js', async (_request, reply) => reply.type('text/javascript; charset=utf-8').header('cache-control', 'public, max-age=86400').send(htmx));
    app.get('/assets/portal.css', async (_request, reply) => reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(css));

    app.addHook('onRequest', async (request, reply) => {
      const lang = (request.query as { lang?: string } | undefined)?.lang;
      if (!isLocale(lang)) return;
      reply.setCookie(localeCookie, lang, { path: '/', sameSite: 'lax', httpOnly: true, maxAge: 365 * 24 * 3600 });
      const url = new URL(request.url, 'http://portal.invalid');
      url.searchParams.delete('lang');
      return reply.redirect(`${url.pathname}${url.search}`, 303);
    });

    app.setErrorHandler(async (error, request, reply) => {
      if (isClefError(error, 'CLEF_AUTH_REQUIRED') && request.method === 'GET') return reply.redirect(`/login?next=${encodeURIComponent(request.url)}`, 303);
      const problem = problemOf(error, request.url);
      if (problem.code === 'CLEF_SERVER_INTERNAL') request.log.error({ err: error }, 'internal failure');
      const { t } = frameOf(request);
      const message = problem.code === 'CLEF_AUTH_FORBIDDEN' ? t('error.forbidden') : problem.code === 'CLEF_NOT_FOUND' ? `${t('error.notFound')} ${problem.detail}` : problem.detail;
      return renderPage(request, reply, 'error', t('error.title'), { message, code: problem.code }, problem.status);
    });

    await app.register(sessionPages);
    await app.register(publicPages(keyFolder));
    await app.register(memberPages);
    await app.register(staffPages);
    await app.register(staffAiPages);
    await app.register(reservationPages);
    await app.register(licenseePages);
    await app.register(workPages);
  };
}
