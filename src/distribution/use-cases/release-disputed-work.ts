import type { RegistryContext } from '../../registry/use-cases/registry-context.js';
import { readRunsHoldingDisputed } from '../../store/distribution/run-family-queries.js';
import { adjustRun } from './adjust-run.js';

/** An adjustment made to release a work's disputed money: the run adjusted and the adjustment run (null when nothing changed). */
export interface DisputedRelease {
  readonly adjusts: string;
  readonly run_id: string | null;
}

/**
 * Releases what the disputed reserve holds for a work once its counterclaim is resolved: every distribution run that
 * held the work's money there is adjusted (`clef distribute --adjust`), which recomputes the run's reports with the
 * resolved shares and books the differences, the reserve's part going back out and the parties' in. Like any
 * adjustment it also books whatever else changed in those reports since.
 */
export async function releaseDisputedWork(context: RegistryContext, workId: string): Promise<DisputedRelease[]> {
  const released: DisputedRelease[] = [];
  for (const runId of await readRunsHoldingDisputed(context.store.db, workId)) released.push({ adjusts: runId, run_id: (await adjustRun(context, runId)).runId });
  return released;
}
