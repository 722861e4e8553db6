/** How the registry reads shares where the CWR standard leaves the choice to the society (docs/registry.md). */
export interface RegistryPolicy {
  /**
   * The writer's share of the performing right is not assignable (the CISAC 50 % rule): publishers collect at most
   * their own PR ownership in a territory, never a writer's. Off, a chain may collect its linked writers' PR shares too.
   */
  readonly writersPerformingShare: boolean;
  /** Days a counterclaim may stay open before it is overdue. */
  readonly disputeDeadlineDays: number;
}

/** The policy Clef applies unless the CMO sets another. */
export const defaultRegistryPolicy: RegistryPolicy = { writersPerformingShare: true, disputeDeadlineDays: 90 };
