import type { CwrRecord } from './parse-cwr-record.js';
import type { CwrTransaction } from './read-cwr-transactions.js';
import type { CwrPublisher, CwrPublisherLink, CwrRelatedWork, CwrRightShares, CwrTerritoryShare, CwrWork, CwrWriter } from './cwr-work.js';

/** The first of the named fields (2.x and 3.x spell some differently) that is filled; zero-only dates and numbers count as blank. */
function text(record: CwrRecord, ...names: string[]): string | undefined {
  for (const name of names) {
    const value = record.get(name)?.trim();
    if (value) return value;
  }
  return undefined;
}

function number(record: CwrRecord, ...names: string[]): number | undefined {
  const value = text(record, ...names);
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

function flag(record: CwrRecord, ...names: string[]): boolean | undefined {
  const value = text(record, ...names);
  return value === 'Y' ? true : value === 'N' ? false : undefined;
}

function dateOf(record: CwrRecord, name: string): string | undefined {
  const value = text(record, name);
  return value === undefined || /^0+$/.test(value) ? undefined : value;
}

function shares(record: CwrRecord, kind: 'Ownership' | 'Collection'): CwrRightShares {
  return { PR: number(record, `PR ${kind} Share`), MR: number(record, `MR ${kind} Share`), SR: number(record, `SR ${kind} Share`) };
}

function societies(record: CwrRecord): CwrPublisher['societies'] {
  return {
    PR: text(record, 'PR Affiliation Society #', 'PR Affiliation Society Number'),
    MR: text(record, 'MR Society', 'MR Affiliation Society Number'),
    SR: text(record, 'SR Society', 'SR Affiliation Society Number'),
  };
}

function territory(record: CwrRecord): CwrTerritoryShare {
  return {
    include: record.get('Inclusion/Exclusion Indicator') === 'I',
    tis: Number(text(record, 'TIS Numeric Code', 'Territory Code')),
    collection: shares(record, 'Collection'),
    sequence: number(record, 'Sequence #', 'Sequence Number'),
    sharesChange: flag(record, 'Shares change'),
  };
}

function fieldsOf(record: CwrRecord): Readonly<Record<string, string | undefined>> {
  const out: Record<string, string | undefined> = {};
  for (const field of record.layout.slice(3)) {
    const value = text(record, field.name);
    if (value !== undefined && !(field.format !== 'A' && /^0+$/.test(value))) out[field.name] = value;
  }
  return out;
}

function relatedWork(record: CwrRecord, titleField: string, iswcField: string): CwrRelatedWork {
  const writers = [1, 2]
    .map((n) => ({
      lastName: text(record, `Writer ${n} Last Name`),
      firstName: text(record, `Writer ${n} First Name`),
      ipiNameNumber: text(record, `Writer ${n} IPI Name #`, `Writer ${n} IPI Name Number`),
      ipiBaseNumber: text(record, `Writer ${n} IPI Base Number`),
    }))
    .filter((w) => w.lastName || w.ipiNameNumber);
  return { title: text(record, titleField), iswc: text(record, iswcField), submitterWorkNumber: text(record, 'Submitter Work #', 'Submitter Original Work Number'), languageCode: text(record, 'Language Code'), writers };
}

/**
 * The typed work of an NWR, REV, ISW, EXC (CWR 2.x) or WRK (3.x) transaction, or of the transaction an ACK echoes
 * (pass the ACK transaction: its first work record is taken as the header). Territories and PWR links attach to the
 * party record they follow.
 */
export function toCwrWork(transaction: CwrTransaction): CwrWork | undefined {
  const start = transaction.records.findIndex((r) => /^(NWR|REV|ISW|EXC|WRK)$/.test(r.recordType));
  if (start < 0) return undefined;
  const header = transaction.records[start];
  const publishers: (CwrPublisher & { territories: CwrTerritoryShare[] })[] = [];
  const writers: (CwrWriter & { territories: CwrTerritoryShare[]; publishers: CwrPublisherLink[] })[] = [];
  const work = {
    transactionType: header.recordType,
    title: text(header, 'Work Title'),
    submitterWorkNumber: text(header, 'Submitter Work #', 'Submitter Work Number'),
    iswc: text(header, 'ISWC'),
    languageCode: text(header, 'Language Code'),
    copyrightDate: dateOf(header, 'Copyright Date'),
    copyrightNumber: text(header, 'Copyright Number'),
    distributionCategory: text(header, 'Musical Work Distribution Category'),
    duration: /^0*$/.test(header.get('Duration') ?? '') ? undefined : header.get('Duration'),
    recordedIndicator: text(header, 'Recorded Indicator'),
    textMusicRelationship: text(header, 'Text Music Relationship'),
    compositeType: text(header, 'Composite Type'),
    versionType: text(header, 'Version Type'),
    excerptType: text(header, 'Excerpt Type'),
    musicArrangement: text(header, 'Music Arrangement'),
    lyricAdaptation: text(header, 'Lyric Adaptation'),
    cwrWorkType: text(header, 'CWR Work Type'),
    grandRights: flag(header, 'Grand Rights Ind'),
    opusNumber: text(header, 'Opus Number'),
    catalogueNumber: text(header, 'Catalogue Number'),
    priority: flag(header, 'Priority Flag'),
    publishers,
    writers,
    alternateTitles: [] as { title: string; titleType?: string; languageCode?: string }[],
    performers: [] as CwrWork['performers'][number][],
    recordings: [] as Readonly<Record<string, string | undefined>>[],
    origins: [] as Readonly<Record<string, string | undefined>>[],
    originalWork: undefined as CwrRelatedWork | undefined,
    entireWork: undefined as CwrRelatedWork | undefined,
    components: [] as CwrRelatedWork[],
    crossReferences: [] as CwrWork['crossReferences'][number][],
    records: transaction.records.slice(start),
  };
  let party: 'publisher' | 'writer' | undefined;
  for (const record of work.records.slice(1)) {
    switch (record.recordType) {
      case 'SPU':
      case 'OPU':
        party = 'publisher';
        publishers.push({
          controlled: record.recordType === 'SPU',
          sequence: number(record, 'Publisher Sequence #', 'Publisher Sequence Number'),
          interestedPartyNumber: text(record, 'Interested Party #', 'Interested Party Number'),
          name: text(record, 'Publisher Name'),
          unknown: record.get('Publisher Unknown Indicator') === 'Y',
          publisherType: text(record, 'Publisher Type', 'Publisher Role'),
          ipiNameNumber: text(record, 'Publisher IPI Name #', 'Publisher IPI Name Number'),
          ipiBaseNumber: text(record, 'Publisher IPI Base Number'),
          societies: societies(record),
          ownership: shares(record, 'Ownership'),
          submitterAgreementNumber: text(record, 'Submitter Agreement Number'),
          societyAgreementNumber: text(record, 'Society-assigned Agreement Number'),
          agreementType: text(record, 'Agreement Type'),
          territories: [],
          record,
        });
        break;
      case 'SWR':
      case 'OWR':
        party = 'writer';
        writers.push({
          controlled: record.recordType === 'SWR',
          interestedPartyNumber: text(record, 'Interested Party #', 'Interested Party Number'),
          lastName: text(record, 'Writer Last Name'),
          firstName: text(record, 'Writer First Name'),
          unknown: record.get('Writer Unknown Indicator') === 'Y',
          designation: text(record, 'Writer Designation Code', 'Writer Role'),
          ipiNameNumber: text(record, 'Writer IPI Name #', 'Writer IPI Name Number'),
          ipiBaseNumber: text(record, 'Writer IPI Base Number'),
          societies: societies(record),
          ownership: shares(record, 'Ownership'),
          territories: [],
          publishers: [],
          record,
        });
        break;
      case 'SPT':
      case 'OPT':
        if (party === 'publisher') publishers[publishers.length - 1].territories.push(territory(record));
        break;
      case 'SWT':
      case 'OWT':
        if (party === 'writer') writers[writers.length - 1].territories.push(territory(record));
        break;
      case 'PWR': {
        const writerIp = text(record, 'Writer IP #', 'Writer IP Number');
        const writer = writers.find((w) => writerIp !== undefined && w.interestedPartyNumber === writerIp) ?? writers[writers.length - 1];
        writer?.publishers.push({
          publisherIpNumber: text(record, 'Publisher IP #', 'Publisher IP Number'),
          publisherName: text(record, 'Publisher Name'),
          submitterAgreementNumber: text(record, 'Submitter Agreement Number'),
          societyAgreementNumber: text(record, 'Society-Assigned Agreement Number', 'Recipient Agreement Number'),
          publisherSequence: number(record, 'Publisher Sequence #', 'Publisher Sequence Number'),
        });
        break;
      }
      case 'ALT':
        work.alternateTitles.push({ title: text(record, 'Alternate Title', 'Alternative Title') ?? '', titleType: text(record, 'Title Type'), languageCode: text(record, 'Language Code') });
        break;
      case 'PER':
        work.performers.push({
          lastName: text(record, 'Performing Artist Last Name', 'Performing Artist Name'),
          firstName: text(record, 'Performing Artist First Name'),
          ipiNameNumber: text(record, 'Performing Artist IPI Name #', 'Performing Artist IPI Name Number'),
          ipiBaseNumber: text(record, 'Performing Artist IPI Base Number'),
        });
        break;
      case 'REC':
        work.recordings.push(fieldsOf(record));
        break;
      case 'ORN':
        work.origins.push(fieldsOf(record));
        break;
      case 'VER':
      case 'OWK':
        work.originalWork = relatedWork(record, 'Original Work Title', 'ISWC of Original Work');
        break;
      case 'EWT':
        work.entireWork = relatedWork(record, 'Entire Work Title', 'ISWC of Entire Work');
        break;
      case 'COM':
        work.components.push(relatedWork(record, 'Title', 'ISWC of Component'));
        break;
      case 'XRF':
        work.crossReferences.push({ organisationCode: text(record, 'Organisation Code'), identifier: text(record, 'Identifier'), identifierType: text(record, 'Identifier Type'), validity: text(record, 'Validity', 'Identifier Validity') });
        break;
      default:
        if (!/^(NPN|NWN)$/.test(record.recordType)) party = undefined;
    }
  }
  return work;
}
