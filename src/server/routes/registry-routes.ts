import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { listMembers, showMember } from '../../registry/use-cases/members.js';
import { searchWorks } from '../../registry/use-cases/search-works.js';
import { listCounterclaims, resolveCounterclaim } from '../../registry/use-cases/counterclaims.js';
import { listDisputes, showWork } from '../../registry/use-cases/show-work.js';
import { releaseDisputedWork } from '../../distribution/use-cases/release-disputed-work.js';
import { readHistory } from '../../store/index.js';
import { requireParty, requireRole } from '../../access/access-rules.js';
import { publicWork, seesWholeWork } from '../public-work.js';
import { contextOf } from '../server-state.js';
import { ClefError } from '../../errors/index.js';

const workParams = Type.Object({ work: Type.String({ description: 'work id, ISWC or society work number' }) });

/** The registry over HTTP: search and work pages for everyone; members, disputes and history for staff and the members concerned. */
export const registryRoutes: FastifyPluginAsyncTypebox = async (app) => {
  app.get('/works/search', {
    schema: {
      tags: ['registry'], summary: 'search-works: by title, creator, ISWC, ISRC, IPI or work number (typos and Chinese titles too)',
      querystring: Type.Object({ q: Type.String({ minLength: 1, maxLength: 200 }), limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 100, default: 10 })) }),
    },
  }, async (request) => searchWorks(contextOf(request), request.query.q, request.query.limit ?? 10));

  app.get('/works/:work', {
    schema: { tags: ['registry'], summary: 'show-work: the public view for everyone; the whole work for staff and its own members', params: workParams },
  }, async (request) => {
    const work = await showWork(contextOf(request), request.params.work);
    return seesWholeWork(request.principal, work) ? work : publicWork(work);
  });

  app.get('/works/:work/history', {
    schema: { tags: ['registry'], summary: 'history: who changed the work, when (staff and the work\'s members)', params: workParams },
  }, async (request) => {
    const work = await showWork(contextOf(request), request.params.work);
    requireRole(request.principal, 'admin', 'member');
    if (!seesWholeWork(request.principal, work)) throw new ClefError('CLEF_AUTH_FORBIDDEN', 'a member sees the history of its own works only');
    return work.history;
  });

  app.get('/disputes', { schema: { tags: ['registry'], summary: 'list-disputes: works claimed over 100 % (staff)' } }, async (request) => {
    requireRole(request.principal, 'admin');
    return listDisputes(contextOf(request));
  });

  app.get('/counterclaims', {
    schema: {
      tags: ['registry'], summary: 'list-counterclaims: registrations whose shares conflict (staff: all, or one submitter\'s; a member: those naming its own registrations)',
      querystring: Type.Object({ submitter: Type.Optional(Type.String({ minLength: 1, maxLength: 20, description: 'an IPI name number or society code (staff only)' })) }),
    },
  }, async (request) => {
    const principal = requireRole(request.principal, 'admin', 'member');
    const context = contextOf(request);
    if (principal.role === 'admin') return listCounterclaims(context, { submitter: request.query.submitter });
    // A member fetches the counterclaims on the registrations it submitted, under any of its IPI name numbers.
    if (!principal.partyId) return [];
    const member = await showMember(context, principal.partyId);
    const lists = await Promise.all(member.ipi_name_numbers.map((ipi) => listCounterclaims(context, { submitter: ipi })));
    const seen = new Set<string>();
    return lists.flat().filter((c) => !seen.has(c.counterclaim_id) && seen.add(c.counterclaim_id));
  });

  app.post('/counterclaims/:counterclaim/resolution', {
    schema: {
      tags: ['registry'], summary: 'resolve-counterclaim: keep one registration or decide the disputed shares, then release the disputed money by adjustment (staff)',
      params: Type.Object({ counterclaim: Type.String() }),
      body: Type.Object({
        keep: Type.Optional(Type.String({ minLength: 1, description: 'the registration that stands' })),
        shares: Type.Optional(Type.Array(Type.String({ minLength: 1 }), { minItems: 1, description: 'instead of keep: RIGHT:IPI=PERCENT,IPI=PERCENT, one per disputed right' })),
      }),
    },
  }, async (request) => {
    requireRole(request.principal, 'admin');
    const { keep, shares } = request.body;
    if ((keep === undefined) === (shares === undefined)) throw new ClefError('CLEF_SERVER_REQUEST_INVALID', 'give either keep or shares', { field: 'body.keep' });
    const context = contextOf(request);
    const result = await resolveCounterclaim(context, request.params.counterclaim, keep !== undefined ? { keep } : { shares: shares! });
    const released = result.in_dispute ? [] : await releaseDisputedWork(context, result.work_id);
    return { ...result, released };
  });

  app.get('/members', { schema: { tags: ['registry'], summary: 'list-members (staff)' } }, async (request) => {
    requireRole(request.principal, 'admin');
    return listMembers(contextOf(request));
  });

  app.get('/members/:member', {
    schema: { tags: ['registry'], summary: 'show-member: by member id, party id or IPI (staff, or the member itself)', params: Type.Object({ member: Type.String() }) },
  }, async (request) => {
    requireRole(request.principal, 'admin', 'member');
    const member = await showMember(contextOf(request), request.params.member);
    requireParty(request.principal, member.party_id);
    return member;
  });

  app.get('/history/:id', {
    schema: { tags: ['registry'], summary: 'history of any record (staff)', params: Type.Object({ id: Type.String() }) },
  }, async (request) => {
    requireRole(request.principal, 'admin');
    return readHistory(request.server.clef.store.db, request.params.id);
  });
};
