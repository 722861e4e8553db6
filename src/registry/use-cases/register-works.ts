import type { Kysely } from 'kysely';
import type { Finding } from '../../errors/index.js';
import { appendHistory, nextIds, type ClefDatabase, type Engine, type HistoryEntry } from '../../store/index.js';
import { findMembershipsOfParties } from '../../store/registry/member-queries.js';
import { findByLookupKeys, readCurrentRegistrationsOfWorks } from '../../store/registry/lookup-key-queries.js';
import { markRevised } from '../../store/registry/registration-queries.js';
import { replaceSharePictures } from '../../store/registry/work-queries.js';
import { checkAffiliations } from '../check-affiliations.js';
import { consolidateShares } from '../consolidate-shares.js';
import type { Member } from '../member.js';
import type { Right } from '../right.js';
import { nameKey, titleKey } from '../match-key.js';
import type { Registration, Submitter } from '../registration.js';
import { createTerritoryResolver, type TerritoryResolver } from '../../lookups/index.js';
import { validateRegistration } from '../validate-registration.js';
import { buildRegistration } from './build-registration.js';
import { registrationFromRows } from './registration-from-rows.js';
import type { ImportMemory } from './import-memory.js';
import type { RegistryContext } from './registry-context.js';
import { registrationRows } from './registration-rows.js';
import { writeRecordings } from './write-recordings.js';
import { partyLookupKeys, resolveParties, type PartyReference } from './resolve-parties.js';
import { sharePictureRows } from './share-picture-rows.js';
import { syncCounterclaims } from './sync-counterclaims.js';
import { withShareResolutions } from './share-resolutions.js';
import { parseTerritoryChain } from './territory-chain-text.js';
import { submitterId, type WorkSubmission } from './work-submission.js';

/** What became of one submission. */
export interface RegistrationOutcome {
  readonly origin: WorkSubmission['origin'];
  readonly submitterWorkNumber: string;
  /** `held`: a revision changing the writers or their shares, kept for review while the earlier registration stays in force. */
  readonly status: 'created' | 'added' | 'revised' | 'held' | 'rejected';
  readonly workId?: string;
  readonly registrationId?: string;
  readonly inDispute: boolean;
  readonly findings: readonly Finding[];
}

/** The identity of a work when no ISWC ties registrations together: its title and creators, normalized. */
export function workIdentityKey(submission: WorkSubmission): string {
  const creators = submission.parties
    .filter((party) => party.partyKind === 'writer')
    .map((party) => nameKey(party.firstName ? `${party.firstName} ${party.name}` : party.name))
    .sort()
    .join(';');
  return `${titleKey(submission.work.title)}|${creators}`;
}

/**
 * Registers a batch of submissions inside the caller's transaction: checks each against the share rules, resolves
 * parties, revises the submitter's earlier registration of the same submitter work number, joins registrations of
 * the same work (same ISWC, or same title and creators), derives each touched work's share picture and marks
 * disputes, keeping every claim. An import's `memory` spares the store lookups of keys it proves absent.
 */
export async function registerWorks(
  context: RegistryContext,
  db: Kysely<ClefDatabase>,
  submissions: readonly WorkSubmission[],
  resolve: TerritoryResolver = createTerritoryResolver(context.lookups.territories),
  knownParties: Map<string, string> = new Map(),
  memory?: ImportMemory,
): Promise<RegistrationOutcome[]> {
  const now = context.clock();
  const tables = context.lookups;
  const outcomes: (RegistrationOutcome | undefined)[] = new Array(submissions.length);
  const accepted: { index: number; submission: WorkSubmission; findings: Finding[] }[] = [];
  submissions.forEach((submission, index) => {
    const probe = buildRegistration(submission, { workId: `row ${submission.origin.line ?? index + 1}`, registrationId: 'new', receivedAt: now, submitter: { kind: 'cmo' } });
    const findings = validateRegistration(probe.work, probe.registration, tables, resolve).map((finding) => ({
      ...finding,
      location: { ...finding.location, file: submission.origin.file, line: submission.origin.line },
    }));
    if (findings.some((finding) => finding.severity !== 'warning' && finding.severity !== 'FR')) {
      outcomes[index] = { origin: submission.origin, submitterWorkNumber: submission.submitterWorkNumber, status: 'rejected', inDispute: false, findings };
    } else accepted.push({ index, submission, findings });
  });

  // A submitter known only by its IPI comes first, so the name its own records give (SPU, SWR) wins.
  const references: PartyReference[] = accepted.flatMap(({ submission }) => [
    ...('ipiNameNumber' in submission.submitter ? [{ ipiNameNumber: submission.submitter.ipiNameNumber, name: submission.submitter.ipiNameNumber, kind: 'company' as const }] : []),
    ...submission.parties,
  ]);
  const keys = accepted.map(({ submission }) => ({
    submitterId: submitterId(submission.submitter),
    submitterWorkNumber: submission.submitterWorkNumber,
    revision: `${submitterId(submission.submitter)}|${submission.submitterWorkNumber}`,
    iswc: submission.work.iswc,
    identity: workIdentityKey(submission),
  }));
  const mayExist = (kind: Parameters<ImportMemory['mayExist']>[0], key: string) => memory?.mayExist(kind, key) ?? true;
  // Every key the batch may find in the store, looked up together: one bulk write, one join per kind.
  const revisionKeys = new Map(keys.filter((key) => mayExist('revision', key.revision)).map((key) => [key.revision, { submitterId: key.submitterId, submitterWorkNumber: key.submitterWorkNumber }]));
  const identities = new Map(keys.filter(({ identity }) => mayExist('identity', identity)).map(({ identity }) => [identity, { titleKey: identity.slice(0, identity.indexOf('|')), creatorKey: identity.slice(identity.indexOf('|') + 1) }]));
  const found = await findByLookupKeys(db, context.store.engine, {
    ...partyLookupKeys(references, knownParties),
    revisions: [...revisionKeys.values()],
    iswcs: [...new Set(keys.flatMap(({ iswc }) => (iswc && mayExist('iswc', iswc) ? [iswc] : [])))],
    identities: [...identities.values()],
    isrcs: [...new Set(accepted.flatMap(({ submission }) => submission.recordings.flatMap(({ isrc }) => (isrc && mayExist('isrc', isrc) ? [isrc] : []))))],
  });
  const { partyIds } = await resolveParties(db, context.store.engine, references, now, knownParties, found);
  const { registrationByRevision: toRevise, workByIswc: byIswc, workByIdentity: byIdentity } = found;
  const previous = await readPreviousRegistrations(db, context.store.engine, [...toRevise.values()].map((row) => row.work_id));
  const existingWorks = new Set<string>();
  const newWorkIds = await nextIds(db, 'work', 'W', accepted.length);
  const registrationIds = await nextIds(db, 'registration', 'G', accepted.length);
  const newWorks: { workId: string; submission: WorkSubmission; identity: string }[] = [];
  const newWorkSet = new Set<string>();
  const revisions: { revised: string; by: string }[] = [];
  const registrationsOfWork = new Map<string, Registration[]>();
  const rows = registrationRows();
  const history: HistoryEntry[] = [];

  accepted.forEach(({ index, submission, findings }, i) => {
    const { revision: revisionKey, identity } = keys[i];
    const revised = toRevise.get(revisionKey);
    if (submission.revision && !revised) {
      // CWR: a REV revises a registration the recipient holds; there is none to revise, so nothing is registered.
      outcomes[index] = {
        origin: submission.origin, submitterWorkNumber: submission.submitterWorkNumber, status: 'rejected', inDispute: false,
        findings: [...findings, { code: 'CLEF_REGISTRY_REVISION_UNKNOWN', severity: 'error', message: `REV of submitter work # ${submission.submitterWorkNumber}, which this submitter never registered here: send it as NWR`, location: { file: submission.origin.file, line: submission.origin.line, field: 'Submitter Work #', value: submission.submitterWorkNumber } }],
      };
      return;
    }
    let workId = revised?.work_id ?? (submission.work.iswc ? byIswc.get(submission.work.iswc) : undefined) ?? byIdentity.get(identity);
    const isNewWork = workId === undefined;
    if (workId === undefined) {
      workId = newWorkIds[i];
      newWorks.push({ workId, submission, identity });
      newWorkSet.add(workId);
    } else if (!newWorkSet.has(workId)) existingWorks.add(workId);
    if (submission.work.iswc) byIswc.set(submission.work.iswc, workId);
    byIdentity.set(identity, workId);
    memory?.remember('revision', revisionKey);
    if (submission.work.iswc) memory?.remember('iswc', submission.work.iswc);
    memory?.remember('identity', identity);
    const registrationId = registrationIds[i];

    const submitter: Submitter =
      'ipiNameNumber' in submission.submitter
        ? { kind: 'member', partyId: partyIds.get(`ipi:${submission.submitter.ipiNameNumber}`)! }
        : submission.submitter.kind === 'society'
          ? { kind: 'sister', societyCode: submission.submitter.societyCode }
          : { kind: 'cmo' };
    const { registration } = buildRegistration(submission, { workId, registrationId, receivedAt: now, submitter, partyIdOf: (key) => partyIds.get(key)! });
    const earlier = revised ? previous.get(revised.registration_id) : undefined;
    // The CMO's own registrations are its documentation team's decisions: nothing to hold them for.
    if (earlier && submission.submitter.kind !== 'cmo' && writersKey(earlier) !== writersKey(registration)) {
      rows.addRegistration(submission, registration, { actor: context.actor, createdAt: now, status: 'held' });
      history.push({ actor: context.actor, at: now, entityKind: 'work', entityId: workId, action: 'registration held for review', detail: { registration_id: registrationId, would_revise: earlier.id, reason: 'the writers or their shares change', file: submission.origin.file, line: submission.origin.line } });
      outcomes[index] = { origin: submission.origin, submitterWorkNumber: submission.submitterWorkNumber, status: 'held', workId, registrationId, inDispute: false, findings };
      return;
    }
    toRevise.set(revisionKey, { registration_id: registrationId, work_id: workId });
    if (revised) revisions.push({ revised: revised.registration_id, by: registrationId });
    const list = registrationsOfWork.get(workId) ?? [];
    registrationsOfWork.set(workId, [...list.filter((r) => !revised || r.id !== revised.registration_id), registration]);
    rows.addRegistration(submission, registration, { actor: context.actor, createdAt: now });
    history.push({
      actor: context.actor,
      at: now,
      entityKind: 'work',
      entityId: workId,
      action: revised ? 'registration revised' : isNewWork ? 'work registered' : 'registration added',
      detail: { registration_id: registrationId, revises: revised?.registration_id, submitter: submitterId(submission.submitter), submitter_work_number: submission.submitterWorkNumber, source: submission.source, file: submission.origin.file, line: submission.origin.line },
    });
    outcomes[index] = { origin: submission.origin, submitterWorkNumber: submission.submitterWorkNumber, status: revised ? 'revised' : isNewWork ? 'created' : 'added', workId, registrationId, inDispute: false, findings };
  });

  const built = accepted.map(({ index }) => outcomes[index]!);
  const positionOf = new Map(built.flatMap((outcome, i) => (outcome.registrationId ? [[outcome.registrationId, i] as const] : [])));
  const cmo = await db.selectFrom('cmo_settings').select('society_code').executeTakeFirst();
  if (cmo?.society_code) {
    const batchIds = new Set(registrationIds);
    const registrations = [...registrationsOfWork.values()].flat().filter((r) => batchIds.has(r.id));
    const members: Member[] = (await findMembershipsOfParties(db, registrations.flatMap((r) => r.parties.map((p) => p.partyId)))).map((row) => ({
      id: row.member_id,
      partyId: row.party_id,
      rights: row.rights.split(';') as Right[],
      territories: parseTerritoryChain(row.territories),
      startDate: row.start_date,
      endDate: row.end_date ?? undefined,
    }));
    const affiliationContext = { cmoSocietyCode: cmo.society_code, members, date: now.slice(0, 10), resolve };
    for (const registration of registrations) {
      const contradictions = checkAffiliations(registration, affiliationContext);
      if (contradictions.length === 0) continue;
      const i = positionOf.get(registration.id) ?? -1;
      if (i >= 0) outcomes[accepted[i].index] = { ...built[i], findings: [...built[i].findings, ...contradictions] };
    }
  }
  for (const { workId, submission, identity } of newWorks) rows.addWork(workId, submission, identity, now);
  await rows.write(db, context.store.engine, memory && { mayBeStored: (term) => memory.mayExist('term', term), written: (term) => memory.remember('term', term) });
  await markRevised(db, context.store.engine, revisions);
  const registered = accepted.filter(({ index }) => outcomes[index]!.status !== 'rejected' && outcomes[index]!.status !== 'held');
  await writeRecordings(db, context.store.engine, registered.map(({ submission, index }) => ({ submission, workId: outcomes[index]!.workId! })), now, found.recordingsByIsrc, memory);

  const existing = [...existingWorks];
  for (const stored of await readCurrentRegistrationsOfWorks(db, context.store.engine, existing)) {
    const registration = registrationFromRows(stored);
    registrationsOfWork.set(registration.workId, [...(registrationsOfWork.get(registration.workId) ?? []).filter((r) => r.id !== registration.id), registration]);
  }
  const shares: Parameters<typeof replaceSharePictures>[3][number][] = [];
  const disputes: Parameters<typeof replaceSharePictures>[4][number][] = [];
  const disputed = new Set<string>();
  const consolidated = new Map<string, ReturnType<typeof consolidateShares>>();
  for (const [workId, registrations] of registrationsOfWork) consolidated.set(workId, consolidateShares(registrations, resolve));
  const pictures = await withShareResolutions(db, consolidated);
  for (const [workId, picture] of pictures) {
    const rows = sharePictureRows(workId, picture);
    shares.push(...rows.shares);
    disputes.push(...rows.disputes);
    if (picture.inDispute) {
      disputed.add(workId);
      history.push({ actor: context.actor, at: now, entityKind: 'work', entityId: workId, action: 'marked in dispute', detail: { registrations: picture.registrationIds } });
    }
  }
  await replaceSharePictures(db, (table, list) => context.store.engine.bulkInsert(db, table, list as never), [...registrationsOfWork.keys()], shares, disputes, existing);
  history.push(...(await syncCounterclaims(db, context.store.engine, pictures, { actor: context.actor, now, newWorks: newWorkSet })));
  await appendHistory(db, history, context.store.engine);
  return outcomes.map((outcome) => (outcome && outcome.workId && disputed.has(outcome.workId) ? { ...outcome, inDispute: true } : outcome!));
}

/** The registrations in force on these works, by id: what a revision would replace. */
async function readPreviousRegistrations(db: Kysely<ClefDatabase>, engine: Engine, workIds: readonly string[]): Promise<Map<string, Registration>> {
  const found = new Map<string, Registration>();
  for (const rows of await readCurrentRegistrationsOfWorks(db, engine, workIds)) {
    const registration = registrationFromRows(rows);
    found.set(registration.id, registration);
  }
  return found;
}

/** The writers of a registration and their ownership: a revision that changes it is held for review. */
function writersKey(registration: Registration): string {
  return registration.parties
    .filter((p) => p.kind === 'writer')
    .map((p) => `${p.partyId}:${p.ownership.PR}/${p.ownership.MR}/${p.ownership.SR}`)
    .sort()
    .join(';');
}
