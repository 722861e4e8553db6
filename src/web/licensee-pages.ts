import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../access/access-rules.js';
import { auditCategories } from '../ai/audit-category.js';
import { listDeclarations } from '../ai/use-cases/import-declaration.js';
import { listLicences, type LicenceView } from '../ai/use-cases/licences.js';
import { formatMicros } from '../money/index.js';
import { reachAudit, reachLicence, receiveDeclaration, receiveRevenue } from '../server/licensee-records.js';
import { contextOf } from '../server/server-state.js';
import { formatMoney, formatPercentText } from './locale-format.js';
import { frameOf, renderPage } from './render-page.js';

/** A licence with its money formatted for the reader and its declarations (each links to its audit). */
export async function licenceRows(request: FastifyRequest, licences: readonly LicenceView[]) {
  const { locale } = frameOf(request);
  const money = (micros: string, currency: string) => formatMoney(formatMicros(BigInt(micros)), currency, locale);
  return Promise.all(licences.map(async (l) => ({
    ...l, model: `${l.model_name} ${l.model_version}`, fee: money(l.training_fee_micros, l.currency), minimum: money(l.minimum_guarantee_micros, l.currency),
    share: formatPercentText(String(Number(l.revenue_share_bp) / 100), locale), declarations: await listDeclarations(contextOf(request), l.licence_id),
  })));
}

async function licenseePage(request: FastifyRequest, reply: FastifyReply, notice: string | null, status = 200) {
  const user = requireRole(request.principal, 'licensee');
  const licences = await licenceRows(request, await listLicences(contextOf(request), user.licenseeId ?? ''));
  return renderPage(request, reply, 'licensee', frameOf(request).t('licensee.title'), { licences, notice }, status);
}

/** An AI developer's pages: its licences, declaration upload, audits, and revenue with attribution; staff reach the audits too. */
export const licenseePages: FastifyPluginAsync = async (app) => {
  app.get('/licensee', async (request, reply) => licenseePage(request, reply, null));

  app.post<{ Params: { licence: string } }>('/licensee/licences/:licence/declarations', async (request, reply) => {
    await reachLicence(request, request.params.licence);
    const outcome = await receiveDeclaration(request, request.params.licence);
    return reply.redirect(`/licensee/audits/${outcome.declaration_id}${outcome.duplicate ? '?duplicate=1' : ''}`, 303);
  });

  app.post<{ Params: { licence: string } }>('/licensee/licences/:licence/revenue', async (request, reply) => {
    await reachLicence(request, request.params.licence);
    const revenue = await receiveRevenue(request, request.params.licence);
    const notice = frameOf(request).t('licensee.revenueDone', { period: revenue.period, licence: revenue.licence_id, works: revenue.attribution?.length ?? 0 });
    return request.principal.role === 'licensee' ? licenseePage(request, reply, notice, 201) : reply.redirect('/staff/ai', 303);
  });

  app.get<{ Params: { declaration: string }; Querystring: { duplicate?: string } }>('/licensee/audits/:declaration', async (request, reply) => {
    const audit = await reachAudit(request, request.params.declaration);
    const { t } = frameOf(request);
    const categories = auditCategories.map((c) => ({ id: c, name: t(`audit.${c}`), explanation: t(`audit.${c}.why`), entries: audit.report[c] }));
    const d = audit.declaration;
    return renderPage(request, reply, 'audit', t('audit.title', { declaration: d.declaration_id }), {
      d, licensee: audit.licensee.legal_name, categories, duplicate: request.query.duplicate === '1',
    });
  });
};
