import type { Store } from '../../store/index.js';

/** What a usage use case needs from its caller: the store, who acts and a clock (a RegistryContext fits). */
export interface UsageContext {
  readonly store: Store;
  /** Who makes the change, recorded in the history. */
  readonly actor: string;
  /** The current instant as ISO-8601 UTC text; passed in so runs are reproducible in tests. */
  readonly clock: () => string;
}
