import type { FastifyReply, FastifyRequest } from 'fastify';
import { Eta } from 'eta';
import { fileURLToPath } from 'node:url';
import { formatRatio } from './locale-format.js';
import { negotiateLocale, translator, type Locale, type Translate } from './message-catalogue.js';

/** The cookie that remembers the chosen language for a year. */
export const localeCookie = 'clef_lang';

const eta = new Eta({ views: fileURLToPath(new URL('../../data/web/views/', import.meta.url)), autoEscape: true, cache: true });

/** What every page's layout shows: the language, who is signed in, the menu for their role, the anti-forgery token. */
export interface PageFrame {
  readonly locale: Locale;
  readonly t: Translate;
  readonly ratio: (value: number) => string;
}

/** The locale of a request (remembered choice, else the browser's languages). */
export function localeOf(request: FastifyRequest): Locale {
  return negotiateLocale(request.cookies?.[localeCookie], request.headers['accept-language']);
}

/** The translate function and formats of a request's locale. */
export function frameOf(request: FastifyRequest): PageFrame {
  const locale = localeOf(request);
  return { locale, t: translator(locale), ratio: (value) => formatRatio(value, locale) };
}

function navigation(request: FastifyRequest, t: Translate): { href: string; label: string; current: boolean }[] {
  const path = request.url.split('?')[0];
  const items: [string, string][] = [['/', 'nav.search'], ['/verify', 'nav.verify']];
  const role = request.principal.role;
  if (role === 'member') items.push(['/my', 'nav.my'], ['/my/reservations', 'nav.reservations'], ['/unmatched', 'nav.unmatched']);
  if (role === 'admin') items.push(['/staff', 'nav.dashboard'], ['/staff/upload', 'nav.upload'], ['/unmatched', 'nav.unmatched'], ['/staff/claims', 'nav.claims'], ['/staff/ai', 'nav.ai']);
  if (role === 'dsp') items.push(['/dsp', 'nav.reports']);
  if (role === 'licensee') items.push(['/licensee', 'nav.licences']);
  return items.map(([href, key]) => ({ href, label: t(key), current: href === path }));
}

/** Renders a view inside the layout; every value is escaped unless a view writes it with `<%~`. */
export function renderPage(request: FastifyRequest, reply: FastifyReply, view: string, title: string, data: Record<string, unknown>, status = 200): FastifyReply {
  const frame = frameOf(request);
  const principal = request.principal;
  const other = frame.locale === 'en' ? 'zh' : 'en';
  const url = new URL(request.url, 'http://portal.invalid');
  url.searchParams.set('lang', other);
  const page = {
    ...frame,
    title,
    htmlLang: frame.locale === 'zh' ? 'zh-Hans' : 'en',
    cmoName: request.server.clef.cmoName,
    nav: navigation(request, frame.t),
    otherLocale: other,
    switchHref: `${url.pathname}${url.search}`,
    userName: principal.role === 'public' ? null : principal.userName,
    role: principal.role,
    csrf: request.webSession?.csrfToken ?? '',
    hxHeaders: JSON.stringify(request.webSession ? { 'x-csrf-token': request.webSession.csrfToken } : {}),
  };
  const html = eta.render(`./${view}`, { ...data, page });
  return reply.code(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').send(html);
}
