import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { requireRole } from '../access/access-rules.js';
import { listPartyReservations, setPartyReservation } from '../ai/use-cases/party-reservations.js';
import { reservationStatuses, trainingUses } from '../ai/training-use.js';
import { ClefError } from '../errors/index.js';
import { contextOf } from '../server/server-state.js';
import { frameOf, renderPage } from './render-page.js';

async function reservationsPage(request: FastifyRequest, reply: FastifyReply, notice: string | null, status = 200) {
  const user = requireRole(request.principal, 'member');
  const own = await listPartyReservations(contextOf(request), user.partyId ?? '');
  const names = new Map<string, string>([
    [`party:${user.partyId}`, frameOf(request).t('reservations.allMyWorks')],
    ...own.works.map((w): [string, string] => [`work:${w.work_id}`, `${w.title} (${w.iswc ?? w.work_id})`]),
    ...own.recordings.map((r): [string, string] => [`recording:${r.recording_id}`, `${r.title} (${r.isrc ?? r.recording_id})`]),
  ]);
  const reservations = own.reservations.slice().reverse().map((r) => ({ ...r, subject: names.get(`${r.scope_kind}:${r.scope_id}`) ?? `${r.scope_kind} ${r.scope_id}` }));
  return renderPage(request, reply, 'reservations', frameOf(request).t('reservations.title'), {
    notice, subjects: [...names].map(([value, label]) => ({ value, label })), reservations, uses: trainingUses, statuses: reservationStatuses,
    today: request.server.clef.now().toISOString().slice(0, 10),
  }, status);
}

/** A member's AI reservations: list them and reserve or grant a use for its party, one of its works or recordings. */
export const reservationPages: FastifyPluginAsync = async (app) => {
  app.get('/my/reservations', async (request, reply) => reservationsPage(request, reply, null));

  app.post('/my/reservations', async (request, reply) => {
    const user = requireRole(request.principal, 'member');
    const body = (request.body ?? {}) as Record<string, string | undefined>;
    const [kind, id] = String(body.subject ?? '').split(':');
    if (!id || !['party', 'work', 'recording'].includes(kind)) throw new ClefError('CLEF_AI_RESERVATION_INVALID', 'choose what the reservation is for', { field: 'subject' });
    const reservation = await setPartyReservation(contextOf(request), user.partyId ?? '', {
      [kind]: kind === 'party' ? user.partyId ?? '' : id, use: String(body.use ?? ''), status: String(body.status ?? ''), constraint: body.constraint, from: String(body.from ?? ''),
    });
    return reservationsPage(request, reply, frameOf(request).t('reservations.done', { id: reservation.reservation_id }), 201);
  });
};
