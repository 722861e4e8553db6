import type { LabelSubjectSource } from '../../labels/index.js';
import type { Store } from '../../store/index.js';
import { resolveReservations } from '../resolve-reservation.js';
import { trainingMiningEntries } from '../training-mining-entries.js';
import { loadReservations } from './reservations.js';
import { loadTrainingSubjects, reservationSubject } from './training-subjects.js';

/**
 * Labels' view of the registry with each recording's `cawg.training-mining` reservation resolved by the AI part's
 * rule (most specific wins) on the day the label is issued; a recording nothing reserves keeps the labels' default.
 */
export function withTrainingReservations(source: LabelSubjectSource, store: Store, today: () => string = () => new Date().toISOString().slice(0, 10)): LabelSubjectSource {
  return {
    async findRecording(idOrIsrc) {
      const found = await source.findRecording(idOrIsrc);
      if (found === undefined || found === 'ambiguous') return found;
      const subjects = await loadTrainingSubjects(store.db);
      const resolved = resolveReservations(await loadReservations(store.db), reservationSubject(subjects, { recordingId: found.recordingId, workId: found.workId }), today());
      const reservation = trainingMiningEntries(resolved);
      return reservation === null ? found : { ...found, trainingMiningReservation: reservation };
    },
  };
}
