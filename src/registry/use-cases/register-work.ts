import { ClefError, type Finding } from '../../errors/index.js';
import { appendHistory, inTransaction } from '../../store/index.js';
import { readWorkDetail } from '../../store/registry/work-detail-queries.js';
import { updateWorkAiProvenance } from '../../store/registry/work-queries.js';
import { aiProvenanceColumns } from './registration-rows.js';
import { parseWorksCsvRow } from './parse-works-csv-row.js';
import { registerWorks, type RegistrationOutcome } from './register-works.js';
import type { RegistryContext } from './registry-context.js';
import type { SubmitterReference } from './work-submission.js';
import { refuseDuringStagedImport } from './staged-works-import.js';

/** The error a refused registration is: the first error's code and place, every finding in its details. */
function refusal(findings: readonly Finding[]): ClefError {
  const first = findings.find((f) => f.severity !== 'warning' && f.severity !== 'FR') ?? findings[0];
  return new ClefError(first.code, first.message, first.location, { findings });
}

/**
 * Registers one work given as the fields of a works-CSV row (docs/works-csv.md: title, ISWC, AI provenance, up to
 * twelve parties with their shares), through the same parsing and share rules as `clef works import`. The same
 * submitter work number again revises the submitter's registration (a change of writers or shares is held for
 * review); a revision also carries the work's AI declaration, which registrations otherwise set only when the work
 * is created, so a registrant can correct how the work was made. A refused work is a ClefError with the first
 * problem's code and field.
 */
export async function registerWork(context: RegistryContext, fields: Readonly<Record<string, string | undefined>>, submitter: SubmitterReference, origin = 'web form'): Promise<RegistrationOutcome> {
  const parsed = parseWorksCsvRow(fields, { file: origin, line: 1 }, submitter);
  if (!parsed.submission) throw refusal(parsed.findings);
  const submission = parsed.submission;
  return inTransaction(context.store.db, async (tx) => {
    await refuseDuringStagedImport(tx, context.store.engine);
    const [outcome] = await registerWorks(context, tx, [submission]);
    if (outcome.status === 'rejected') throw refusal(outcome.findings);
    if (outcome.status !== 'revised') return outcome;
    const columns = aiProvenanceColumns(submission.work.aiProvenance);
    const stored = (await readWorkDetail(tx, outcome.workId!))!.work;
    const changed = (Object.keys(columns) as (keyof typeof columns)[]).filter((k) => String(stored[k]) !== String(columns[k]));
    if (changed.length === 0) return outcome;
    const at = context.clock();
    await updateWorkAiProvenance(tx, outcome.workId!, columns, at);
    await appendHistory(tx, [{ actor: context.actor, at, entityKind: 'work', entityId: outcome.workId!, action: 'AI declaration revised', detail: { registration_id: outcome.registrationId, changed, before: Object.fromEntries(changed.map((k) => [k, stored[k]])) } }]);
    return outcome;
  });
}
