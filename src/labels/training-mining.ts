/** A CAWG training-and-data-mining permission value. */
export type TrainingMiningUse = 'allowed' | 'notAllowed' | 'constrained';

/** The four CAWG uses a reservation covers. */
export const trainingMiningUses = ['cawg.data_mining', 'cawg.ai_inference', 'cawg.ai_training', 'cawg.ai_generative_training'] as const;

/** One of the CAWG uses. */
export type TrainingMiningKey = (typeof trainingMiningUses)[number];

/** A recording's training-and-data-mining reservation: a permission per use, with constraint text where constrained. */
export type TrainingMiningReservation = Readonly<Record<TrainingMiningKey, { readonly use: TrainingMiningUse; readonly constraint_info?: string }>>;

/** The same permission for every use: the CMO's default is `notAllowed` until a licence says otherwise. */
export function uniformReservation(use: TrainingMiningUse, constraintInfo?: string): TrainingMiningReservation {
  const entry = constraintInfo === undefined ? { use } : { use, constraint_info: constraintInfo };
  return Object.fromEntries(trainingMiningUses.map((key) => [key, entry])) as TrainingMiningReservation;
}

/** The CAWG `cawg.training-mining` assertion data for a reservation. */
export function trainingMiningAssertion(reservation: TrainingMiningReservation): { entries: TrainingMiningReservation } {
  return { entries: reservation };
}

/** Reads a training-mining assertion's entries, accepting the older `c2pa.`-prefixed keys. */
export function readTrainingMining(data: unknown): Partial<Record<TrainingMiningKey, { use: string; constraint_info?: string }>> {
  const entries = (data as { entries?: Record<string, { use: string; constraint_info?: string }> } | undefined)?.entries ?? {};
  const out: Partial<Record<TrainingMiningKey, { use: string; constraint_info?: string }>> = {};
  for (const [key, value] of Object.entries(entries)) {
    const name = key.replace(/^c2pa\./, 'cawg.') as TrainingMiningKey;
    if ((trainingMiningUses as readonly string[]).includes(name)) out[name] = value;
  }
  return out;
}

/** The reservation a previous manifest stated, when it states every use with a known value; else the fallback. */
export function carriedReservation(entries: ReturnType<typeof readTrainingMining> | undefined, fallback: TrainingMiningReservation): TrainingMiningReservation {
  const known = ['allowed', 'notAllowed', 'constrained'];
  const complete = entries && trainingMiningUses.every((key) => known.includes(entries[key]?.use ?? ''));
  return complete ? (entries as TrainingMiningReservation) : fallback;
}
