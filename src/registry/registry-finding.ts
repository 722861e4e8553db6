import type { Finding } from '../errors/finding.js';
import type { Right } from './right.js';
import type { BasisPoints } from './share.js';

/** A finding about a registration, naming the work, the registration, the parties, the right and the numbers. */
export interface RegistryFinding extends Finding {
  readonly workId: string;
  readonly registrationId?: string;
  readonly partyIds: readonly string[];
  readonly right?: Right;
  /** The shares the rule compared, in basis points (e.g. `{ total: 10007, limit: 10006 }`). */
  readonly numbers: Readonly<Record<string, BasisPoints>>;
  /** TIS country codes the finding is about, when it depends on territory. */
  readonly territories?: readonly number[];
}
