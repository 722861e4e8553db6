import type { Store } from '../../store/index.js';
import type { Lookups } from '../../lookups/index.js';

/** What a registry use case needs from its caller: the store, who acts, a clock, and the reference tables. */
export interface RegistryContext {
  readonly store: Store;
  /** Who makes the change, recorded in the history (`--as NAME`). */
  readonly actor: string;
  /** The current instant as ISO-8601 UTC text; passed in so runs are reproducible in tests. */
  readonly clock: () => string;
  readonly lookups: Lookups;
}
