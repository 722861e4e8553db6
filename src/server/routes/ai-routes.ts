import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { requireLicensee, requireRole } from '../../access/access-rules.js';
import { auditReportHtml } from '../../ai/use-cases/audit-declaration.js';
import { distributeAi } from '../../ai/use-cases/distribute-ai.js';
import { listDeclarations } from '../../ai/use-cases/import-declaration.js';
import { addLicence, addLicensee, listLicences, listLicensees } from '../../ai/use-cases/licences.js';
import { listPartyReservations, setPartyReservation } from '../../ai/use-cases/party-reservations.js';
import { listReservations, setReservation } from '../../ai/use-cases/reservations.js';
import { reachAudit, reachLicence, receiveDeclaration, receiveRevenue } from '../licensee-records.js';
import { contextOf } from '../server-state.js';

const licenceParams = Type.Object({ licence: Type.String({ pattern: '^LIC[0-9]{8}$' }) });
const text = (description?: string) => Type.Optional(Type.String({ maxLength: 500, ...(description ? { description } : {}) }));

/**
 * The AI part (the same use cases as `clef ai …`): staff keep licensees, licences, audits and AI runs; a licensee
 * reaches only its own licences, declarations, audits and revenue reports; a member its own reservations.
 */
export const aiRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/ai/licensees', { schema: { tags: ['ai'], summary: 'list-licensees: AI developers (staff)' } }, async (request) => {
    requireRole(request.principal, 'admin');
    return listLicensees(contextOf(request));
  });

  app.post('/ai/licensees', {
    schema: { tags: ['ai'], summary: 'add-licensee: an AI developer (staff)', body: Type.Object({ name: Type.String({ minLength: 1, maxLength: 200 }), country: Type.String({ minLength: 2, maxLength: 2 }), registration_number: text(), contact: text() }) },
  }, async (request, reply) => {
    requireRole(request.principal, 'admin');
    const b = request.body;
    return reply.code(201).send(await addLicensee(contextOf(request), { name: b.name, country: b.country, registrationNumber: b.registration_number, contact: b.contact }));
  });

  app.get('/ai/licences', { schema: { tags: ['ai'], summary: 'list-licences (staff; a licensee sees its own)', querystring: Type.Object({ licensee: Type.Optional(Type.String()) }) } }, async (request) => {
    const user = requireRole(request.principal, 'admin', 'licensee');
    if (user.role === 'licensee') {
      if (request.query.licensee !== undefined) requireLicensee(user, request.query.licensee);
      return listLicences(contextOf(request), user.licenseeId ?? '');
    }
    return listLicences(contextOf(request), request.query.licensee);
  });

  app.post('/ai/licences', {
    schema: {
      tags: ['ai'], summary: 'add-licence: a licence for one model version (staff); amounts are decimals, percentages like 30 or 12.5',
      body: Type.Object({
        licensee: Type.String(), model: Type.String({ minLength: 1, maxLength: 200 }), model_version: Type.String({ minLength: 1, maxLength: 100 }), from: Type.String(), to: Type.String(),
        scope: Type.String(), division: Type.Optional(Type.String()), uses: text('CAWG uses, comma-separated'), outputs: text(), output_territories: text(),
        training_fee: text(), revenue_share: text(), minimum_guarantee: text(), output_rate: text(),
      }),
    },
  }, async (request, reply) => {
    requireRole(request.principal, 'admin');
    const b = request.body;
    const licence = await addLicence(contextOf(request), {
      licensee: b.licensee, model: b.model, modelVersion: b.model_version, from: b.from, to: b.to, scope: b.scope, division: b.division ?? 'equal',
      uses: b.uses ?? 'ai_training,ai_generative_training', outputs: b.outputs, outputTerritories: b.output_territories,
      trainingFee: b.training_fee, revenueShare: b.revenue_share, minimumGuarantee: b.minimum_guarantee, outputRate: b.output_rate,
    });
    return reply.code(201).send(licence);
  });

  app.get('/ai/licences/:licence', { schema: { tags: ['ai'], summary: 'show-licence (staff; a licensee its own)', params: licenceParams } }, async (request) => reachLicence(request, request.params.licence));

  app.get('/ai/licences/:licence/declarations', { schema: { tags: ['ai'], summary: 'list-declarations of a licence (staff; a licensee its own)', params: licenceParams } }, async (request) => {
    await reachLicence(request, request.params.licence);
    return listDeclarations(contextOf(request), request.params.licence);
  });

  app.post('/ai/licences/:licence/declarations', {
    schema: {
      tags: ['ai'], summary: 'import-declaration: a training-data manifest (file field `manifest`, CSV or JSON; optional `summary` JSON; fields model, model_version, trained_on), streamed to disk, identified (staff; a licensee its own)',
      consumes: ['multipart/form-data'], params: licenceParams,
    },
  }, async (request, reply) => {
    await reachLicence(request, request.params.licence);
    const outcome = await receiveDeclaration(request, request.params.licence);
    return reply.code(outcome.duplicate ? 200 : 201).send(outcome);
  });

  app.get('/ai/declarations/:declaration/audit', {
    schema: {
      tags: ['ai'], summary: 'audit-declaration: licensed, violation, unlicensed and unidentified entries (staff; a licensee its own); ?format=html for the readable report',
      params: Type.Object({ declaration: Type.String({ pattern: '^DCL[0-9]{8}$' }) }), querystring: Type.Object({ format: Type.Optional(Type.Union([Type.Literal('json'), Type.Literal('html')])) }),
    },
  }, async (request, reply) => {
    const audit = await reachAudit(request, request.params.declaration);
    if (request.query.format === 'html') return reply.type('text/html; charset=utf-8').header('cache-control', 'no-store').send(await auditReportHtml(contextOf(request), audit));
    return audit.report;
  });

  app.post('/ai/licences/:licence/revenue', {
    schema: {
      tags: ['ai'], summary: 'add-revenue: a month\'s net and output revenue (fields period, net, output_revenue) and optionally an attribution report (file field `attribution`) (staff; a licensee its own)',
      consumes: ['multipart/form-data'], params: licenceParams,
    },
  }, async (request, reply) => {
    await reachLicence(request, request.params.licence);
    return reply.code(201).send(await receiveRevenue(request, request.params.licence));
  });

  app.post('/ai/runs', {
    schema: { tags: ['ai'], summary: 'distribute-ai: an AI remuneration run of a licence for a month (staff)', body: Type.Object({ licence: licenceParams.properties.licence, period: Type.String({ pattern: '^[0-9]{4}-[0-9]{2}$' }) }) },
  }, async (request, reply) => {
    requireRole(request.principal, 'admin');
    return reply.code(201).send(await distributeAi(contextOf(request), { licenceId: request.body.licence, period: request.body.period }));
  });

  app.get('/ai/reservations', { schema: { tags: ['ai'], summary: 'list-reservations (staff: all; a member: those of its party, works and recordings)' } }, async (request) => {
    const user = requireRole(request.principal, 'admin', 'member');
    if (user.role === 'member') return (await listPartyReservations(contextOf(request), user.partyId ?? '')).reservations;
    return listReservations(contextOf(request));
  });

  app.post('/ai/reservations', {
    schema: {
      tags: ['ai'], summary: 'set-reservation: reserve or grant one CAWG use from a date (staff: any subject; a member: its party, works and recordings)',
      body: Type.Object({
        work: Type.Optional(Type.String()), recording: Type.Optional(Type.String()), party: Type.Optional(Type.String()), repertoire: Type.Optional(Type.Boolean()),
        use: Type.String(), status: Type.String(), constraint: text(), from: Type.String(),
      }),
    },
  }, async (request, reply) => {
    const user = requireRole(request.principal, 'admin', 'member');
    const context = contextOf(request);
    const reservation = user.role === 'member' ? await setPartyReservation(context, user.partyId ?? '', request.body) : await setReservation(context, request.body);
    return reply.code(201).send(reservation);
  });
};
