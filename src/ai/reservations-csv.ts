import type { ReservedLocation } from './reserved-location.js';
import { trainingUses } from './training-use.js';

function cell(value: string | null | undefined): string {
  const text = value ?? '';
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** The effective reservations as CSV: one row per location, per use its status and the reservation that decides it. */
export function reservationsCsv(locations: readonly ReservedLocation[]): string {
  const header = ['kind', 'id', 'isrc', 'iswc', 'title', ...trainingUses.flatMap((use) => [use, `${use}_constraint`, `${use}_decided_by`])];
  const rows = locations.map((l) => [
    l.kind, l.id, l.isrc, l.iswc, l.title,
    ...trainingUses.flatMap((use) => {
      const effective = l.resolved[use];
      return [effective?.status, effective?.constraintInfo, effective ? `${effective.reservation.reservationId} (${effective.reservation.scope.kind})` : ''];
    }),
  ].map(cell).join(','));
  return [header.join(','), ...rows].join('\n') + '\n';
}
