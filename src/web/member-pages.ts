import type { FastifyPluginAsync, FastifyRequest } from 'fastify';
import { listBalances } from '../distribution/use-cases/balances.js';
import { listPayeeRuns } from '../distribution/use-cases/party-statements.js';
import { claimReserve } from '../distribution/use-cases/reserves.js';
import { showStatement } from '../distribution/use-cases/show-statement.js';
import { formatMicros } from '../money/index.js';
import { listPartyWorks } from '../registry/use-cases/party-works.js';
import { resolveWorkId } from '../registry/use-cases/show-work.js';
import { requireParty, requireRole } from '../access/access-rules.js';
import { contextOf } from '../server/server-state.js';
import { listUnmatched, matchManually } from '../usage/use-cases/worklists.js';
import { formatDate, formatMoney } from './locale-format.js';
import { frameOf, renderPage } from './render-page.js';
import { statementView } from './statement-view.js';

/** A member's pages (its works, statements with charts, unmatched usage and claims); staff reach them too, for any member. */
export const memberPages: FastifyPluginAsync = async (app) => {
  app.get('/my', async (request, reply) => {
    const user = requireRole(request.principal, 'member');
    const partyId = user.partyId!;
    const context = contextOf(request);
    const { locale, t } = frameOf(request);
    const currency = app.clef.currency;
    const balance = (await listBalances(context, partyId)).reduce((sum, b) => sum + BigInt(b.amount_micros), 0n);
    const runs = await listPayeeRuns(context, 'party', partyId);
    const rows = (kind: 'ai' | 'usage') => runs.filter((r) => (r.kind === 'ai') === (kind === 'ai')).map((r) => ({
      ...r, created: formatDate(r.created_at, locale), amount: formatMoney(formatMicros(BigInt(r.amount_micros)), r.currency, locale),
    }));
    // AI training income comes from licences, not from usage reports: members see it apart.
    const aiTotal = runs.filter((r) => r.kind === 'ai').reduce((sum, r) => sum + BigInt(r.amount_micros), 0n);
    const works = await listPartyWorks(context, partyId);
    return renderPage(request, reply, 'my', t('my.title'), {
      partyId, balance: formatMoney(formatMicros(balance), currency, locale), statements: rows('usage'), aiStatements: rows('ai'), aiTotal: formatMoney(formatMicros(aiTotal), currency, locale), works,
    });
  });

  app.get<{ Params: { run: string; payee: string } }>('/statements/:run/:payee', async (request, reply) => {
    if (request.principal.role === 'member') requireParty(request.principal, request.params.payee);
    else requireRole(request.principal, 'admin');
    const statement = await showStatement(contextOf(request), request.params.run, request.params.payee);
    const { locale, t } = frameOf(request);
    const view = statementView(statement, locale, t);
    return renderPage(request, reply, 'statement', t('statement.title', { run: statement.run.run_id, name: statement.payee.name }), view);
  });

  const worklist = async (request: FastifyRequest, notice: string | null) => {
    const q = String((request.query as { q?: string }).q ?? '').slice(0, 200).toLowerCase();
    const rows = await listUnmatched(contextOf(request), {}, q ? 1000 : 100);
    const filtered = q ? rows.filter((r) => `${r.title} ${r.display_artist} ${r.isrc ?? ''}`.toLowerCase().includes(q)).slice(0, 100) : rows;
    return { q, rows: filtered, notice, isStaff: request.principal.role === 'admin', currency: app.clef.currency };
  };

  app.get('/unmatched', async (request, reply) => {
    requireRole(request.principal, 'admin', 'member');
    return renderPage(request, reply, 'unmatched', frameOf(request).t('unmatched.title'), await worklist(request, null));
  });

  app.post('/unmatched/claim', async (request, reply) => {
    const user = requireRole(request.principal, 'member');
    const body = request.body as { resource?: string; title?: string; amount?: string; evidence?: string };
    const evidence = `DSP resource ${body.resource ?? ''} "${body.title ?? ''}": ${body.evidence ?? ''}`;
    const claim = await claimReserve(contextOf(request), { reserve: 'unmatched', party: user.partyId!, amount: body.amount, evidence: (body.evidence ?? '').trim() ? evidence : '' });
    const { t } = frameOf(request);
    return renderPage(request, reply, 'unmatched', t('unmatched.title'), await worklist(request, t('unmatched.claimed', { id: claim.claim_id })), 201);
  });

  app.post('/unmatched/match', async (request, reply) => {
    requireRole(request.principal, 'admin');
    const body = request.body as { resource?: string; work?: string };
    const context = contextOf(request);
    const workId = await resolveWorkId(context, String(body.work ?? ''));
    const { reports } = await matchManually(context, String(body.resource ?? ''), { workId, recordingId: null });
    const { t } = frameOf(request);
    return renderPage(request, reply, 'unmatched', t('unmatched.title'), await worklist(request, t('unmatched.matched', { resource: String(body.resource), work: workId, reports })));
  });
};
