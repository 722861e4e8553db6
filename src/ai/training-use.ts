/** The CAWG training-and-data-mining uses a reservation or licence names (without the `cawg.` prefix). */
export const trainingUses = ['data_mining', 'ai_training', 'ai_generative_training', 'ai_inference'] as const;

/** One CAWG use. */
export type TrainingUse = (typeof trainingUses)[number];

/** The CAWG permission values. */
export const reservationStatuses = ['allowed', 'notAllowed', 'constrained'] as const;

/** A CAWG permission value. */
export type ReservationStatus = (typeof reservationStatuses)[number];

/** True when `text` is a CAWG use (`cawg.` and `c2pa.` prefixes accepted). */
export function isTrainingUse(text: string): text is TrainingUse {
  return (trainingUses as readonly string[]).includes(text);
}

/** A use named with or without its `cawg.`/`c2pa.` prefix, or undefined when it is none of the four. */
export function parseTrainingUse(text: string): TrainingUse | undefined {
  const bare = text.trim().replace(/^(cawg|c2pa)\./, '');
  return isTrainingUse(bare) ? bare : undefined;
}

/** True when `text` is a CAWG permission value. */
export function isReservationStatus(text: string): text is ReservationStatus {
  return (reservationStatuses as readonly string[]).includes(text);
}
