import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listBalances } from '../../distribution/use-cases/balances.js';
import { distributePeriod } from '../../distribution/use-cases/distribute-period.js';
import { claimReserve, decideClaim, listClaims, listReserves } from '../../distribution/use-cases/reserves.js';
import { listRuns, showRun } from '../../distribution/use-cases/run-figures.js';
import { showStatement } from '../../distribution/use-cases/show-statement.js';
import { statementCsvFile } from '../../distribution/statement-csv-file.js';
import { ClefError } from '../../errors/index.js';
import { requireParty, requireRole } from '../../access/access-rules.js';
import { contextOf } from '../server-state.js';

const runParams = Type.Object({ run: Type.String({ pattern: '^[A-Z]{3}[0-9]{8}$' }) });

/** Runs, statements, balances, reserves and claims: staff run and see everything, a member only its own. */
export const distributionRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/runs', { schema: { tags: ['distribution'], summary: 'list-runs (staff)' } }, async (request) => {
    requireRole(request.principal, 'admin');
    return listRuns(contextOf(request));
  });

  app.post('/runs', {
    schema: {
      tags: ['distribution'], summary: 'distribute-period: an immutable run of a month\'s complete reports (staff)',
      body: Type.Object({ period: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' }), dsp: Type.Optional(Type.String()) }),
    },
  }, async (request, reply) => {
    requireRole(request.principal, 'admin');
    const outcome = await distributePeriod(contextOf(request), { period: request.body.period, dsp: request.body.dsp });
    return reply.code(outcome.runId ? 201 : 200).send({ run_id: outcome.runId ?? null, skipped: outcome.skipped, ...(outcome.claimsRunId ? { claims_run_id: outcome.claimsRunId } : {}) });
  });

  app.get('/runs/:run', { schema: { tags: ['distribution'], summary: 'show-run: a run\'s figures (staff)', params: runParams } }, async (request) => {
    requireRole(request.principal, 'admin');
    return showRun(contextOf(request), request.params.run);
  });

  app.get('/runs/:run/statements/:payee', {
    schema: {
      tags: ['distribution'], summary: 'show-statement: a member\'s (party id) or sister society\'s statement of a run (staff, or the member itself); ?format=csv for the spreadsheet',
      params: Type.Object({ run: runParams.properties.run, payee: Type.String() }),
      querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('csv')])) }),
    },
  }, async (request, reply) => {
    if (request.principal.role === 'member') requireParty(request.principal, request.params.payee);
    else requireRole(request.principal, 'admin');
    const statement = await showStatement(contextOf(request), request.params.run, request.params.payee);
    if (request.query.format !== 'csv') return statement;
    return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${request.params.run}-${request.params.payee}.csv"`).send(statementCsvFile(statement));
  });

  app.get('/balances', {
    schema: { tags: ['distribution'], summary: 'balances: what members and sister societies are owed (staff; a member sees its own)', querystring: Type.Object({ party: Type.Optional(Type.String()) }) },
  }, async (request) => {
    const user = requireRole(request.principal, 'admin', 'member');
    if (user.role === 'member') {
      if (request.query.party !== undefined && request.query.party !== user.partyId) throw new ClefError('CLEF_AUTH_FORBIDDEN', 'a member sees only its own balance');
      return listBalances(contextOf(request), user.partyId ?? '');
    }
    return listBalances(contextOf(request), request.query.party);
  });

  app.get('/reserves', { schema: { tags: ['distribution'], summary: 'list-reserves: what each reserve holds (staff)', querystring: Type.Object({ reserve: Type.Optional(Type.String()) }) } }, async (request) => {
    requireRole(request.principal, 'admin');
    return listReserves(contextOf(request), request.query.reserve);
  });

  app.get('/claims', { schema: { tags: ['distribution'], summary: 'list-claims (staff; a member sees its own)', querystring: Type.Object({ status: Type.Optional(Type.String()) }) } }, async (request) => {
    const user = requireRole(request.principal, 'admin', 'member');
    const claims = await listClaims(contextOf(request), request.query.status);
    return user.role === 'member' ? claims.filter((c) => c.party_id === user.partyId) : claims;
  });

  app.post('/claims', {
    schema: {
      tags: ['distribution'], summary: 'claim-reserve: a member claims money a reserve holds (for itself; staff for anyone)',
      body: Type.Object({
        reserve: Type.String(), party: Type.Optional(Type.String()), pool_id: Type.Optional(Type.String()), work_id: Type.Optional(Type.String()),
        recording_id: Type.Optional(Type.String()), right: Type.Optional(Type.String()), amount: Type.Optional(Type.String()), evidence: Type.String({ minLength: 1, maxLength: 4000 }),
      }),
    },
  }, async (request, reply) => {
    const user = requireRole(request.principal, 'admin', 'member');
    const party = user.role === 'member' ? user.partyId! : request.body.party;
    if (!party) throw new ClefError('CLEF_SERVER_REQUEST_INVALID', 'give the claimant party', { field: 'body.party' });
    if (user.role === 'member' && request.body.party !== undefined && request.body.party !== party) throw new ClefError('CLEF_AUTH_FORBIDDEN', 'a member claims only for itself');
    const b = request.body;
    const claim = await claimReserve(contextOf(request), { reserve: b.reserve, party, poolId: b.pool_id, workId: b.work_id, recordingId: b.recording_id, right: b.right, amount: b.amount, evidence: b.evidence });
    return reply.code(201).send(claim);
  });

  app.post('/claims/:claim/decision', {
    schema: { tags: ['distribution'], summary: 'decide-claim (staff)', params: Type.Object({ claim: Type.String() }), body: Type.Object({ decision: Type.Union([Type.Literal('approved'), Type.Literal('rejected')]) }) },
  }, async (request) => {
    requireRole(request.principal, 'admin');
    return decideClaim(contextOf(request), request.params.claim, request.body.decision);
  });
};
