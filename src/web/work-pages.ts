import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole, type SignedIn } from '../access/access-rules.js';
import { ClefError, isClefError } from '../errors/index.js';
import { aiOrigins } from '../registry/ai-provenance.js';
import { showMember } from '../registry/use-cases/members.js';
import { registerWork } from '../registry/use-cases/register-work.js';
import { showWork } from '../registry/use-cases/show-work.js';
import { contextOf } from '../server/server-state.js';
import { frameOf, renderPage } from './render-page.js';

/** Co-owner rows a member's work form offers (the works CSV takes up to twelve). */
const partyRows = 4;
const partyFields = ['role', 'name', 'ipi', 'pr_share', 'mr_share', 'sr_share'] as const;
const workFields = ['submitter_work_number', 'title', 'iswc', 'language', 'ai_composition', 'ai_lyrics', 'ai_arrangement', 'ai_tools', 'human_contribution'] as const;
const roles = ['CA', 'C', 'A', 'AR', 'AD', 'E', 'SE', 'AM'];
type Fields = Record<string, string>;

async function memberOf(request: FastifyRequest, user: SignedIn) {
  const member = await showMember(contextOf(request), user.partyId ?? '');
  return { name: member.name, ipis: member.ipi_name_numbers };
}

const percent = (bp: number | bigint | null) => (bp === null ? '' : String(Number(bp) / 100));

/** The form's fields of a work as its member's registration (or the work's first current one) holds it. */
async function fieldsOfWork(request: FastifyRequest, workId: string, ipis: readonly string[], partyId: string): Promise<Fields> {
  const work = await showWork(contextOf(request), workId);
  const current = work.registrations.filter((r) => r.status === 'current');
  if (!current.some((r) => r.parties.some((p) => p.party_id === partyId))) throw new ClefError('CLEF_AUTH_FORBIDDEN', 'a member edits only works it holds a share in');
  const own = current.find((r) => ipis.includes(r.submitter.id));
  const registration = own ?? current[0];
  const facets = work.ai_provenance.facets;
  const tools = (work.ai_provenance.tools as { name: string; version?: string }[] | null) ?? [];
  const fields: Fields = {
    submitter_work_number: own?.submitter_work_number ?? '', title: work.title, iswc: work.iswc ?? '', language: work.language ?? '',
    ai_composition: facets.composition, ai_lyrics: facets.lyrics, ai_arrangement: facets.arrangement,
    ai_tools: tools.map((t) => [t.name, t.version].filter(Boolean).join('|')).join('; '), human_contribution: work.ai_provenance.human_contribution ?? '',
  };
  registration.parties.slice(0, partyRows).forEach((p, i) => {
    const col = (name: string) => `party${i + 1}_${name}`;
    Object.assign(fields, { [col('role')]: p.role, [col('name')]: p.name, [col('ipi')]: p.ipi_name_number ?? '', [col('pr_share')]: percent(p.ownership_bp.PR), [col('mr_share')]: percent(p.ownership_bp.MR), [col('sr_share')]: percent(p.ownership_bp.SR) });
  });
  return fields;
}

function workForm(request: FastifyRequest, reply: FastifyReply, fields: Fields, outcome: { notice?: { status: string; workId: string }; error?: { code: string; message: string } }, status = 200) {
  const { t } = frameOf(request);
  const rows = Array.from({ length: partyRows }, (_, i) => Object.fromEntries(partyFields.map((f) => [f, fields[`party${i + 1}_${f}`] ?? ''])));
  return renderPage(request, reply, 'work-form', t(fields.submitter_work_number ? 'workForm.editTitle' : 'workForm.newTitle'), { fields, rows, roles, origins: aiOrigins, ...outcome }, status);
}

/** A member's works: register one and edit it, with its AI declaration and co-owners, through the works-CSV registration path. */
export const workPages: FastifyPluginAsync = async (app) => {
  app.get('/my/works/new', async (request, reply) => {
    const user = requireRole(request.principal, 'member');
    const member = await memberOf(request, user);
    return workForm(request, reply, { party1_role: 'CA', party1_name: member.name, party1_ipi: member.ipis[0] ?? '', party1_pr_share: '100', party1_mr_share: '100', party1_sr_share: '100' }, {});
  });

  app.get<{ Params: { work: string } }>('/my/works/:work/edit', async (request, reply) => {
    const user = requireRole(request.principal, 'member');
    const member = await memberOf(request, user);
    return workForm(request, reply, await fieldsOfWork(request, request.params.work, member.ipis, user.partyId ?? ''), {});
  });

  app.post('/my/works', async (request, reply) => {
    const user = requireRole(request.principal, 'member');
    const member = await memberOf(request, user);
    const body = (request.body ?? {}) as Record<string, unknown>;
    const names = [...workFields, ...Array.from({ length: partyRows }, (_, i) => partyFields.map((f) => `party${i + 1}_${f}`)).flat()];
    const fields: Fields = Object.fromEntries(names.map((name) => [name, String(body[name] ?? '').trim()]));
    const ownRow = Array.from({ length: partyRows }, (_, i) => i + 1).find((n) => member.ipis.includes(fields[`party${n}_ipi`]));
    if (ownRow === undefined) throw new ClefError('CLEF_AUTH_FORBIDDEN', 'a member registers only works it holds a share in: name yourself with your IPI', { field: 'party1_ipi' });
    fields.submitter_work_number ||= `${user.userName}-${app.clef.now().toISOString().replace(/\D/g, '').slice(0, 14)}`;
    const kind = roles.indexOf(fields[`party${ownRow}_role`].toUpperCase()) >= roles.indexOf('E') ? 'publisher' : 'writer';
    try {
      const outcome = await registerWork(contextOf(request), fields, { kind, ipiNameNumber: fields[`party${ownRow}_ipi`] });
      return workForm(request, reply, fields, { notice: { status: outcome.status, workId: outcome.workId ?? '' } }, outcome.status === 'created' ? 201 : 200);
    } catch (error) {
      if (!isClefError(error) || error.code.startsWith('CLEF_AUTH')) throw error;
      return workForm(request, reply, fields, { error: { code: error.code, message: error.message } }, 422);
    }
  });
};
