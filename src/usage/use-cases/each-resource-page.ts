/**
 * Runs `match` on the pages of each report's resources that `read` returns, in DSP resource id order, so the heap holds
 * one page whatever the report's size. A page shorter than `perPage` rows is the last (a page may hold several rows
 * per resource, never fewer rows than resources).
 */
export async function eachResourcePage<T extends { dsp_resource_id: string }>(
  reportIds: readonly bigint[],
  perPage: number,
  read: (reportId: bigint, after: string | null, limit: number) => Promise<T[]>,
  match: (page: T[]) => Promise<void>,
): Promise<void> {
  for (const reportId of reportIds) {
    for (let after: string | null = null; ; ) {
      const page = await read(reportId, after, perPage);
      if (page.length > 0) await match(page);
      if (page.length < perPage) break;
      after = page[page.length - 1].dsp_resource_id;
    }
  }
}
