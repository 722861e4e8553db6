import type { Kysely } from 'kysely';
import { nameKey, titleKey } from '../../registry/match-key.js';
import type { ClefDatabase } from '../../store/index.js';
import { findWorksByIswc } from '../../store/registry/cwr-ack-queries.js';
import { applyMedleyParts, type MedleyWorkRow, clearMedleyParts, insertMedleyParts, readMedleyWorks } from '../../store/usage/medley-queries.js';
import { eachResourcePage } from './each-resource-page.js';
import { resolveWorkNumbers } from './resolve-work-numbers.js';

// Resources a page: the lookups by ISWC and number stay small (and under PostgreSQL's parameter limit) whatever the report's size.
const defaultMedleysPerPage = 5_000;

// One page of whole medley resources: each work once per resource, identified by ISWC, else by number.
async function identifyParts(db: Kysely<ClefDatabase>, page: readonly MedleyWorkRow[], reportIds: readonly bigint[]): Promise<ClefDatabase['usage_medley_parts'][]> {
  const seen = new Set<string>();
  const works = page.filter((w) => {
    const key = `${w.report_id}|${w.dsp_resource_id}|${w.dsp_work_id}`;
    return !seen.has(key) && seen.add(key);
  });
  const byIswc = await findWorksByIswc(db, works.flatMap((w) => (w.valid_iswc ? [w.valid_iswc] : [])));
  const byNumber = works.filter((w) => !(w.valid_iswc && byIswc.has(w.valid_iswc)));
  const numbered = await resolveWorkNumbers(
    db,
    byNumber.map((w) => ({
      senderDpid: w.sender_dpid,
      numbers: (w.proprietary_work_ids ?? '').split('|').filter(Boolean),
      evidence: { titleKeys: [titleKey(w.title)], writerKeys: (w.writers ?? '').split('|').filter(Boolean).map(nameKey) },
    })),
    reportIds,
  );
  const numberedOf = new Map(byNumber.map((w, i) => [w, numbered[i]]));
  const partOf = new Map<string, number>();
  return works.map((w): ClefDatabase['usage_medley_parts'] => {
    const resource = `${w.report_id}|${w.dsp_resource_id}`;
    const part = partOf.get(resource) ?? 0;
    partOf.set(resource, part + 1);
    const base = { report_id: w.report_id, dsp_resource_id: w.dsp_resource_id, part, dsp_work_id: w.dsp_work_id };
    const iswcWork = w.valid_iswc ? byIswc.get(w.valid_iswc) : undefined;
    if (iswcWork) return { ...base, work_id: iswcWork, method: 'iswc', note: null };
    const result = numberedOf.get(w)!;
    if (result.kind === 'work') return { ...base, work_id: result.workId, method: 'work-number', note: null };
    if (result.kind === 'guarded') return { ...base, work_id: null, method: null, note: `${w.proprietary_work_ids} names ${result.workId}, set aside: ${result.reason}` };
    return { ...base, work_id: null, method: null, note: result.kind === 'ambiguous' ? `${w.proprietary_work_ids} names several works` : null };
  });
}

/**
 * Identifies each work of the reports' medleys (a resource whose block names several MW01 works) on its own: by
 * its ISWC, else by its work numbers within their namespace past the title/creator guard (the MW01's own title
 * and writers). A work named twice in one medley is one part. Distribution divides the resource's value between
 * the parts; a part left unidentified keeps its share in the unidentified-work reserve. Reads `perPage` resources at a time.
 */
export async function matchMedleys(db: Kysely<ClefDatabase>, reportIds: readonly bigint[], perPage = defaultMedleysPerPage): Promise<void> {
  await clearMedleyParts(db, reportIds);
  await eachResourcePage(reportIds, perPage, (reportId, after, limit) => readMedleyWorks(db, reportId, after, limit), async (page) => {
    await insertMedleyParts(db, await identifyParts(db, page, reportIds));
  });
  await applyMedleyParts(db, reportIds);
}
