import type { CwrFieldValues, CwrLayoutTable, CwrRecordInput, CwrTransactionInput } from '../../formats/cwr/index.js';
import type { ClefDatabase } from '../../store/index.js';
import { parseTerritoryChain } from './territory-chain-text.js';
import type { CwrStoredRecord } from './cwr-record-fields.js';

type Row<T extends keyof ClefDatabase> = ClefDatabase[T];

/** One work as the registry holds it, ready to be written as a CWR registration transaction. */
export interface CwrExportWork {
  readonly work: Row<'works'>;
  readonly titles: readonly Row<'work_titles'>[];
  readonly registration?: Row<'registrations'>;
  readonly parties: readonly Row<'registration_parties'>[];
  readonly collections: readonly Row<'registration_collections'>[];
  readonly links: readonly Row<'registration_links'>[];
  /** The records the registration arrived with, when it came as CWR 2.x. */
  readonly kept?: readonly CwrStoredRecord[];
}

const partyTypes = new Set(['SPU', 'OPU', 'SWR', 'OWR']);
const territoryTypes = new Set(['SPT', 'OPT', 'SWT', 'OWT']);
const share = (bp: number | null | undefined) => (bp === null || bp === undefined ? undefined : bp);

function hhmmss(seconds: number | null): string | undefined {
  if (!seconds) return undefined;
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(Math.floor(seconds / 3600))}${pad(Math.floor(seconds / 60) % 60)}${pad(seconds % 60)}`;
}

function partyFields(party: Row<'registration_parties'>): CwrFieldValues {
  const ipiField = party.party_kind === 'writer' ? 'Writer IPI Name #' : 'Publisher IPI Name #';
  return {
    [ipiField]: party.ipi_name_number ?? undefined,
    'PR Affiliation Society #': party.pr_society ?? undefined,
    'PR Ownership Share': share(party.pr_ownership_bp),
    'MR Society': party.mr_society ?? undefined,
    'MR Ownership Share': share(party.mr_ownership_bp),
    'SR Society': party.sr_society ?? undefined,
    'SR Ownership Share': share(party.sr_ownership_bp),
  };
}

/** The values that are set: the registry overrides a kept field only with something it knows. */
function defined(fields: CwrFieldValues): CwrFieldValues {
  return Object.fromEntries(Object.entries(fields).filter(([, value]) => value !== undefined));
}

/** Keeps only the fields the target layout has (a 2.1 record written as 2.2 loses what 2.2 renamed, and the other way). */
function fit(recordType: string, fields: CwrFieldValues, layouts: CwrLayoutTable): CwrRecordInput {
  const names = new Set((layouts[recordType] ?? []).slice(3).map((f) => f.name));
  const out: Record<string, string | number | undefined> = {};
  for (const [name, value] of Object.entries(fields)) if (names.has(name) && value !== undefined && value !== '') out[name] = value;
  return { recordType, fields: out };
}

/** The records the registry's own data makes when no CWR records were kept: header, parties with territories, PWR links, ALT titles. */
function freshRecords(data: CwrExportWork, transactionType: string, submitterWorkNumber: string): [string, CwrFieldValues][] {
  const { work } = data;
  const extra = (JSON.parse(work.extra || '{}') as { cwr?: Record<string, string | boolean | undefined> }).cwr ?? {};
  const records: [string, CwrFieldValues][] = [[transactionType, {
    'Work Title': work.title,
    'Language Code': work.language ?? undefined,
    'Submitter Work #': submitterWorkNumber,
    ISWC: work.iswc ?? undefined,
    'Musical Work Distribution Category': (extra.distributionCategory as string | undefined) ?? 'UNC',
    Duration: hhmmss(work.duration_s),
    'Recorded Indicator': (extra.recordedIndicator as string | undefined) ?? 'U',
    'Text Music Relationship': extra.textMusicRelationship as string | undefined,
    'Version Type': work.version_type ?? 'ORI',
  }]];
  const sequenceOf = new Map<number, number>();
  const territories = (party: Row<'registration_parties'>) =>
    data.collections.filter((c) => c.party_seq === party.party_seq).flatMap((claim) =>
      parseTerritoryChain(claim.territories).map((step, i) => ({ claim, step, first: i === 0 })),
    );
  const write = (party: Row<'registration_parties'>) => {
    const writer = party.party_kind === 'writer';
    const fields: Record<string, string | number | undefined> = { 'Interested Party #': party.party_id, ...partyFields(party) };
    if (writer) {
      const [last, first] = party.name.split(', ');
      Object.assign(fields, { 'Writer Last Name': last, 'Writer First Name': first, 'Writer Designation Code': party.role });
    } else {
      sequenceOf.set(party.party_seq, sequenceOf.size + 1);
      Object.assign(fields, { 'Publisher Sequence #': sequenceOf.size, 'Publisher Name': party.name, 'Publisher Type': party.role });
    }
    records.push([(party.controlled ? 'S' : 'O') + (writer ? 'WR' : 'PU'), fields]);
    territories(party).forEach(({ claim, step, first }, i) =>
      records.push([(party.controlled ? 'S' : 'O') + (writer ? 'WT' : 'PT'), {
        'Interested Party #': party.party_id,
        'PR Collection Share': first ? claim.pr_collection_bp : 0,
        'MR Collection Share': first ? claim.mr_collection_bp : 0,
        'SR Collection Share': first ? claim.sr_collection_bp : 0,
        'Inclusion/Exclusion Indicator': step.inclusion,
        'TIS Numeric Code': step.tis,
        'Sequence #': i + 1,
      }]),
    );
    if (writer) {
      for (const link of data.links.filter((l) => l.writer_seq === party.party_seq)) {
        const publisher = data.parties.find((p) => p.party_seq === link.publisher_seq);
        if (publisher) records.push(['PWR', { 'Publisher IP #': publisher.party_id, 'Publisher Name': publisher.name, 'Publisher Sequence #': sequenceOf.get(publisher.party_seq), 'Submitter Agreement Number': link.submitter_agreement_number ?? undefined, 'Society-Assigned Agreement Number': link.society_agreement_number ?? undefined, 'Writer IP #': party.party_id }]);
      }
    }
  };
  for (const party of data.parties.filter((p) => p.party_kind === 'publisher')) write(party);
  for (const party of data.parties.filter((p) => p.party_kind === 'writer')) write(party);
  for (const title of data.titles) records.push(['ALT', { 'Alternate Title': title.title, 'Title Type': title.title_type, 'Language Code': title.language ?? undefined }]);
  return records;
}

/**
 * One work as a CWR 2.x registration transaction. A registration that came as CWR is written from the records it came
 * with, the registry's current values laid over them (title, ISWC, submitter work number, each party's IPI, societies and
 * ownership shares, each claim's collection shares), so a read file writes back field by field; other works are written
 * from the registry alone.
 */
export function cwrWorkTransaction(data: CwrExportWork, transactionType: 'NWR' | 'REV', submitterWorkNumber: string, layouts: CwrLayoutTable): CwrTransactionInput {
  if (!data.kept) return freshRecords(data, transactionType, submitterWorkNumber).map(([type, fields]) => fit(type, fields, layouts));
  let partySeq = 0;
  let claimIndex = 0;
  const out: CwrRecordInput[] = [];
  for (const [type, stored] of data.kept) {
    let fields: CwrFieldValues = stored;
    let recordType = type;
    if (out.length === 0) {
      recordType = transactionType;
      fields = { ...stored, ...defined({ 'Work Title': data.work.title, ISWC: data.work.iswc ?? undefined, 'Submitter Work #': submitterWorkNumber }) };
    } else if (partyTypes.has(type)) {
      partySeq++;
      claimIndex = 0;
      const party = data.parties.find((p) => p.party_seq === partySeq);
      if (party) fields = { ...stored, ...defined(partyFields(party)) };
    } else if (territoryTypes.has(type) && stored['Inclusion/Exclusion Indicator'] === 'I') {
      const claim = data.collections.filter((c) => c.party_seq === partySeq)[claimIndex++];
      if (claim) fields = { ...stored, 'PR Collection Share': claim.pr_collection_bp, 'MR Collection Share': claim.mr_collection_bp, 'SR Collection Share': claim.sr_collection_bp };
    }
    out.push(fit(recordType, fields, layouts));
  }
  return out;
}
