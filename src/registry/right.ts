/** A right a CMO administers: performing (PR), mechanical (MR) or synchronisation (SR). */
export type Right = 'PR' | 'MR' | 'SR';

/** Every right, in the order CWR writes its share fields. */
export const rights: readonly Right[] = ['PR', 'MR', 'SR'];

/** True when `value` is one of the rights. */
export function isRight(value: string): value is Right {
  return value === 'PR' || value === 'MR' || value === 'SR';
}
