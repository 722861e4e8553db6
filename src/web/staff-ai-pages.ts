import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../access/access-rules.js';
import { distributeAi } from '../ai/use-cases/distribute-ai.js';
import { addLicence, addLicensee, listLicences, listLicensees } from '../ai/use-cases/licences.js';
import { listReserves } from '../distribution/use-cases/reserves.js';
import { formatMicros } from '../money/index.js';
import { contextOf } from '../server/server-state.js';
import { escapeMarkup } from './bar-chart-svg.js';
import { licenceRows } from './licensee-pages.js';
import { formatMoney } from './locale-format.js';
import { frameOf, renderPage } from './render-page.js';

type Form = Record<string, string | undefined>;
const field = (body: unknown, name: string) => String((body as Form | undefined)?.[name] ?? '').trim();
const optional = (body: unknown, name: string) => field(body, name) || undefined;

async function aiPage(request: FastifyRequest, reply: FastifyReply, notice: string | null, status = 200) {
  const context = contextOf(request);
  const { locale, t } = frameOf(request);
  const money = (micros: string | bigint) => formatMoney(formatMicros(BigInt(micros)), request.server.clef.currency, locale);
  const escrow = (await listReserves(context, 'ai_escrow')).filter((h) => BigInt(h.claimable_micros) > 0n);
  const escrowTotal = escrow.reduce((sum, h) => sum + BigInt(h.claimable_micros), 0n);
  const licensees = await listLicensees(context);
  const names = new Map(licensees.map((l) => [l.licensee_id, l.legal_name]));
  return renderPage(request, reply, 'staff-ai', t('staffAi.title'), {
    notice,
    licensees,
    licences: (await licenceRows(request, await listLicences(context))).map((l) => ({ ...l, licensee: names.get(l.licensee_id) ?? l.licensee_id })),
    escrow: escrow.map((h) => ({ ...h, amount: money(h.claimable_micros) })),
    escrowTotal: money(escrowTotal),
  }, status);
}

/** Staff's AI pages: licensees and licences (list and add), declarations with their audits, AI runs and the AI escrow. */
export const staffAiPages: FastifyPluginAsync = async (app) => {
  app.get('/staff/ai', async (request, reply) => {
    requireRole(request.principal, 'admin');
    return aiPage(request, reply, null);
  });

  app.post('/staff/ai/licensees', async (request, reply) => {
    requireRole(request.principal, 'admin');
    const b = request.body;
    const licensee = await addLicensee(contextOf(request), { name: field(b, 'name'), country: field(b, 'country'), registrationNumber: optional(b, 'registration_number'), contact: optional(b, 'contact') });
    return aiPage(request, reply, escapeMarkup(frameOf(request).t('staffAi.licenseeAdded', { id: licensee.licensee_id, name: licensee.legal_name })), 201);
  });

  app.post('/staff/ai/licences', async (request, reply) => {
    requireRole(request.principal, 'admin');
    const b = request.body;
    const licence = await addLicence(contextOf(request), {
      licensee: field(b, 'licensee'), model: field(b, 'model'), modelVersion: field(b, 'model_version'), from: field(b, 'from'), to: field(b, 'to'),
      scope: field(b, 'scope'), division: field(b, 'division') || 'equal', uses: field(b, 'uses') || 'ai_training,ai_generative_training',
      trainingFee: optional(b, 'training_fee'), revenueShare: optional(b, 'revenue_share'), minimumGuarantee: optional(b, 'minimum_guarantee'), outputRate: optional(b, 'output_rate'),
    });
    return aiPage(request, reply, escapeMarkup(frameOf(request).t('staffAi.licenceAdded', { id: licence.licence_id, model: `${licence.model_name} ${licence.model_version}` })), 201);
  });

  app.post('/staff/ai/distribute', async (request, reply) => {
    requireRole(request.principal, 'admin');
    const outcome = await distributeAi(contextOf(request), { licenceId: field(request.body, 'licence'), period: field(request.body, 'period') });
    const { t } = frameOf(request);
    const notice = `<a href="/staff/runs/${escapeMarkup(outcome.run_id)}" id="new-run">${escapeMarkup(t('staff.runDone', { run: outcome.run_id }))}</a>`
      + (outcome.enforcement.length ? ` · ${escapeMarkup(t('staffAi.enforcement', { works: outcome.enforcement.map((e) => e.work_id ?? e.recording_id).join(', ') }))}` : '');
    return aiPage(request, reply, notice, 201);
  });
};
