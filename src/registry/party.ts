import type { Right } from './right.js';

/** A society affiliation a party declares for one right (CWR's PR/MR/SR affiliation society fields). */
export interface DeclaredAffiliation {
  /** The CISAC society code, three digits as CWR writes it (`052` = PRS). */
  readonly societyCode: string;
  readonly right: Right;
}

/** A person or a company that writes, publishes, owns or collects. */
export interface Party {
  readonly id: string;
  readonly kind: 'person' | 'company';
  /** Last name of a person, or the company name. */
  readonly name: string;
  readonly firstName?: string;
  /** IPI name numbers (11 digits); a party can have several (pseudonyms, former names). */
  readonly ipiNameNumbers: readonly string[];
  /** IPI base number (`I-000000229-7`). */
  readonly ipiBaseNumber?: string;
  /** ISNI, 16 characters without spaces. */
  readonly isni?: string;
  /** The affiliations the party declares; the CMO's own member records decide, these only inform. */
  readonly affiliations: readonly DeclaredAffiliation[];
}
