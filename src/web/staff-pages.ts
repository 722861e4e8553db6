import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { distributePeriod } from '../distribution/use-cases/distribute-period.js';
import { decideClaim, listClaims, listReserves } from '../distribution/use-cases/reserves.js';
import { listRuns, showRun } from '../distribution/use-cases/run-figures.js';
import { ClefError } from '../errors/index.js';
import { formatMicros } from '../money/index.js';
import { normalizeSocietyCode } from '../lookups/index.js';
import { listDisputes } from '../registry/use-cases/show-work.js';
import { requireRole } from '../access/access-rules.js';
import { requireOwnReports } from '../server/own-reports.js';
import { saveUploads } from '../server/save-uploads.js';
import { contextOf } from '../server/server-state.js';
import { ingestReport } from '../usage/use-cases/ingest-report.js';
import { listReports, listReportsWithSender } from '../usage/use-cases/list-reports.js';
import { barChartSvg, escapeMarkup } from './bar-chart-svg.js';
import { formatDate, formatMoney, formatRatio } from './locale-format.js';
import { frameOf, renderPage } from './render-page.js';

const basisPoints = (ratio: number) => BigInt(Math.round(ratio * 10_000));

async function dashboard(request: FastifyRequest, reply: FastifyReply, notice: string | null, period = '') {
  const context = contextOf(request);
  const { locale, t } = frameOf(request);
  const currency = request.server.clef.currency;
  const money = (micros: string | bigint) => formatMoney(formatMicros(BigInt(micros)), currency, locale);
  const reports = await listReports(context);
  const byPeriod = new Map<string, number[]>();
  for (const r of reports) byPeriod.set(r.period.slice(0, 7), [...(byPeriod.get(r.period.slice(0, 7)) ?? []), r.match_rate_usages]);
  const runs = await listRuns(context);
  const runBars = [];
  for (const run of runs.slice(-12)) {
    const figures = await showRun(context, run.run_id);
    runBars.push({ label: `${run.run_id} ↓`, value: BigInt(figures.money_in_micros), text: money(figures.money_in_micros) });
    runBars.push({ label: `${run.run_id} ↑`, value: BigInt(figures.allocated_micros), text: money(figures.allocated_micros) });
  }
  const reserveTotals = new Map<string, bigint>();
  for (const slot of await listReserves(context)) reserveTotals.set(slot.reserve, (reserveTotals.get(slot.reserve) ?? 0n) + BigInt(slot.claimable_micros));
  const charts = [
    { id: 'match-rate', title: t('staff.matchRate'), svg: barChartSvg(t('staff.matchRate'), reports.map((r) => ({ label: `${r.dsp} ${r.period}`, value: basisPoints(r.match_rate_usages), text: formatRatio(r.match_rate_usages, locale) }))) },
    { id: 'match-over-time', title: t('staff.matchOverTime'), svg: barChartSvg(t('staff.matchOverTime'), [...byPeriod.entries()].sort().map(([p, rates]) => { const mean = rates.reduce((a, b) => a + b, 0) / rates.length; return { label: p, value: basisPoints(mean), text: formatRatio(mean, locale) }; })) },
    { id: 'money', title: t('staff.moneyPerRun'), svg: barChartSvg(t('staff.moneyPerRun'), runBars) },
    { id: 'reserves', title: t('staff.reserves'), svg: barChartSvg(t('staff.reserves'), [...reserveTotals.entries()].map(([k, v]) => ({ label: k, value: v, text: money(v) }))) },
  ];
  const runRows = runs.slice().reverse().map((r) => ({ ...r, created: formatDate(r.created_at, locale), money_in: money(r.money_in_micros) }));
  return renderPage(request, reply, 'dashboard', t('staff.title'), { charts, runs: runRows, disputes: (await listDisputes(context)).length, notice, period });
}

async function uploadPage(request: FastifyRequest, reply: FastifyReply, action: string, outcomes: unknown, status = 200) {
  const { locale, t } = frameOf(request);
  const user = request.principal;
  const reports = (await listReportsWithSender(contextOf(request)))
    .filter((r) => user.role !== 'dsp' || r.dpid === user.dpid)
    .map((r) => ({ ...r, rate: formatRatio(r.match_rate_usages, locale) }));
  const heading = user.role === 'dsp' ? t('dsp.title') : t('upload.title');
  return renderPage(request, reply, 'upload', heading, { action, outcomes, reports, heading }, status);
}

/** Upload DSR files as staff or as a DSP (a DSP only its own, by the sender in the file name), and show the outcomes. */
async function receiveReports(request: FastifyRequest, reply: FastifyReply, action: string) {
  const user = requireRole(request.principal, 'admin', 'dsp');
  const uploads = await saveUploads(request, request.server.clef.uploadDir);
  try {
    requireOwnReports(user, uploads.paths);
    const outcomes = (await ingestReport(contextOf(request), uploads.paths, { findingCap: 20 })).map((o) => ({ ...o, file: o.file.split('/').pop() }));
    return uploadPage(request, reply, action, outcomes, outcomes.every((o) => o.outcome === 'staged') ? 201 : 422);
  } finally {
    uploads.remove();
  }
}

/** Staff pages: dashboard with charts, distribution, run figures, report upload, claims; and the DSP's own report page. */
export const staffPages: FastifyPluginAsync = async (app) => {
  app.get('/staff', async (request, reply) => {
    requireRole(request.principal, 'admin');
    return dashboard(request, reply, null);
  });

  app.post('/staff/distribute', async (request, reply) => {
    requireRole(request.principal, 'admin');
    const period = String((request.body as { period?: string }).period ?? '');
    if (!/^\d{4}-\d{2}$/.test(period)) throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', `the period must be YYYY-MM, not ${period}`, { field: 'period' });
    const outcome = await distributePeriod(contextOf(request), { period });
    const { t } = frameOf(request);
    const notice = outcome.runId
      ? `<a href="/staff/runs/${escapeMarkup(outcome.runId)}" id="new-run">${escapeMarkup(t('staff.runDone', { run: outcome.runId }))}</a>`
      : escapeMarkup(t('staff.noRun', { period }));
    return dashboard(request, reply, notice, period);
  });

  app.get<{ Params: { run: string } }>('/staff/runs/:run', async (request, reply) => {
    requireRole(request.principal, 'admin');
    const run = await showRun(contextOf(request), request.params.run);
    const { locale, t } = frameOf(request);
    const currency = app.clef.currency;
    const money = (micros: string) => formatMoney(formatMicros(BigInt(micros)), currency, locale);
    const figures = [
      { label: t('col.moneyIn'), amount: money(run.money_in_micros), micros: run.money_in_micros },
      { label: t('col.commission'), amount: money(run.commission_micros), micros: run.commission_micros },
      { label: t('col.allocated'), amount: money(run.allocated_micros), micros: run.allocated_micros },
      ...Object.entries(run.reserves).map(([k, v]) => ({ label: `${t('col.reserve')}: ${k.replace(/_micros$/, '')}`, amount: money(v), micros: v })),
    ];
    const societies = run.sister_societies.map((s) => {
      const code = normalizeSocietyCode(s.society);
      return { code, name: app.clef.lookups.societies.get(code)?.name ?? code, amount: money(s.amount_micros), micros: s.amount_micros };
    });
    const parties = run.parties.map((p) => ({ ...p, ipis: p.ipi_name_numbers.join(', '), amount: money(p.amount_micros), micros: p.amount_micros }));
    const matchRate = { lines: formatRatio(run.match_rate.lines, locale), usages: formatRatio(run.match_rate.usages, locale), money: formatRatio(run.match_rate.money, locale) };
    return renderPage(request, reply, 'run', t('run.title', { run: run.run_id }), { run, figures, societies, parties, matchRate });
  });

  app.get('/staff/upload', async (request, reply) => {
    requireRole(request.principal, 'admin');
    return uploadPage(request, reply, '/staff/upload', null);
  });
  app.post('/staff/upload', async (request, reply) => {
    requireRole(request.principal, 'admin');
    return receiveReports(request, reply, '/staff/upload');
  });

  app.get('/dsp', async (request, reply) => {
    requireRole(request.principal, 'dsp');
    return uploadPage(request, reply, '/dsp', null);
  });
  app.post('/dsp', async (request, reply) => receiveReports(request, reply, '/dsp'));

  app.get('/staff/claims', async (request, reply) => {
    requireRole(request.principal, 'admin');
    const { locale, t } = frameOf(request);
    const claims = (await listClaims(contextOf(request))).map((c) => ({ ...c, amount: formatMoney(formatMicros(BigInt(c.amount_micros)), app.clef.currency, locale) }));
    return renderPage(request, reply, 'claims', t('claims.title'), { claims });
  });
  app.post<{ Params: { claim: string } }>('/staff/claims/:claim', async (request, reply) => {
    requireRole(request.principal, 'admin');
    const decision = (request.body as { decision?: string }).decision;
    if (decision !== 'approved' && decision !== 'rejected') throw new ClefError('CLEF_USAGE_INVALID_ARGUMENT', 'decide approved or rejected', { field: 'decision' });
    await decideClaim(contextOf(request), request.params.claim, decision);
    return reply.redirect('/staff/claims', 303);
  });
};
