/** What a statement line is: one account's amount for a work and right from one pool of a run. */
export interface StatementLineRef {
  readonly runId: string;
  readonly accountId: string;
  readonly poolId: string;
  readonly workId: string;
  readonly right: string;
}

/**
 * A statement line's id, taken from its content so the same run gives the same ids:
 * `RUN:ACCOUNT:POOL:WORK:RIGHT` (a pool id is `report/summary` and may not contain `:`).
 * @example statementLineId({ runId: 'RUN00000001', accountId: 'P00000001', poolId: '1/1', workId: 'W00000001', right: 'PR' }) // 'RUN00000001:P00000001:1/1:W00000001:PR'
 */
export function statementLineId(ref: StatementLineRef): string {
  return [ref.runId, ref.accountId, ref.poolId, ref.workId, ref.right].join(':');
}

/** Reads a statement line id back; null when it does not have the five parts. */
export function parseStatementLineId(text: string): StatementLineRef | null {
  const parts = text.trim().split(':');
  if (parts.length !== 5 || parts.some((p) => p === '')) return null;
  const [runId, accountId, poolId, workId, right] = parts;
  return { runId, accountId, poolId, workId, right };
}
