import { isCompactIswc, parseIsrc, parseIswc } from '../../identifiers/index.js';
import { dsrCellText, dsrCellValues } from './dsr-cells.js';
import type { DsrRecordDefinition } from './dsr-record-definition.js';
import type { DsrRow, DsrWorkData } from './dsr-rows.js';

/** What a row needs from the lines before it in its block. */
export interface DsrRowContext {
  /**
   * The DSP resource id a usage line refers to: by TransactedResource or the id the line names when
   * given, otherwise the block's only resource; null when the block does not say.
   */
  resourceOf(blockId: string, reference: string | null): string | null;
  /** The SalesTransactionId of the usage line a licensor line follows. */
  readonly salesTransactionId: string | null;
}

/** Turns the raw cells of one line of a record type into its typed row (undefined for FOOT). */
export type DsrRowBuilder = (cells: readonly string[], line: number, context: DsrRowContext) => DsrRow | undefined;

type Text = (cells: readonly string[]) => string | null;
type List = (cells: readonly string[]) => string[];

const strictIsrc = /^[A-Z]{2}[A-Z0-9]{3}\d{7}$/;

function validIsrcOf(values: readonly string[]): string | null {
  for (const v of values) {
    if (strictIsrc.test(v)) return v;
    const parsed = parseIsrc(v);
    if (parsed.ok) return parsed.value;
  }
  return null;
}

function validIswcOf(value: string | null): string | null {
  if (value === null) return null;
  if (isCompactIswc(value)) return value;
  const parsed = parseIswc(value);
  return parsed.ok ? parsed.value : null;
}

function numberOf(text: string | null): number {
  const n = text === null ? 0 : Number(text);
  return Number.isFinite(n) ? n : 0;
}

/** A count as an exact bigint (cell checks refuse what is not an integer or out of range; such a file is never staged). */
function countOf(text: string | null): bigint {
  return text !== null && /^[+-]?\d+$/.test(text) ? BigInt(text) : 0n;
}

function booleanOf(text: string | null): boolean | null {
  if (text === null) return null;
  const lower = text.toLowerCase();
  return lower === 'true' || lower === '1' ? true : lower === 'false' || lower === '0' ? false : null;
}

/** Compiles, once per record definition, the accessors that read its cells by their DDEX names. */
export function compileDsrRowBuilder(definition: DsrRecordDefinition): DsrRowBuilder {
  const recordType = definition.recordType;
  const indexOf = (...names: string[]): number => {
    for (const name of names) {
      const i = definition.cells.findIndex((c) => c.name === name);
      if (i !== -1) return i;
    }
    return -1;
  };
  const text = (...names: string[]): Text => {
    const i = indexOf(...names);
    return (cells) => (i === -1 || i >= cells.length || cells[i] === '' ? null : dsrCellText(cells[i]));
  };
  const list = (name: string): List => {
    const i = indexOf(name);
    return (cells) => {
      if (i === -1 || i >= cells.length || cells[i] === '') return [];
      const raw = cells[i];
      return raw.indexOf('|') === -1 && raw.indexOf('\\') === -1 ? [raw] : dsrCellValues(raw).filter((v) => v !== '');
    };
  };
  const all = (cells: readonly string[]): Record<string, string> => {
    const named: Record<string, string> = {};
    for (let i = 1; i < definition.cells.length && i < cells.length; i++) if (cells[i] !== '') named[definition.cells[i].name] = dsrCellText(cells[i]);
    return named;
  };
  const blockId = text('BlockId');
  const summaryRecordId = text('SummaryRecordId');
  const base = recordType.slice(0, 4);
  const iswc = text('ISWC');
  const composerAuthors = list('ComposerAuthor');
  const composerAuthorPartyIds = list('ComposerAuthorPartyId');
  const arrangers = list('Arranger');
  const musicPublishers = list('MusicPublisher');
  const musicPublisherPartyIds = list('MusicPublisherPartyId');
  const workContributors = list('WorkContributor');
  const proprietaryWorkIds = list('ProprietaryWorkId');
  const workData = (cells: readonly string[]): DsrWorkData => {
    const received = iswc(cells);
    return {
      iswc: received,
      validIswc: validIswcOf(received),
      composerAuthors: composerAuthors(cells),
      composerAuthorPartyIds: composerAuthorPartyIds(cells),
      arrangers: arrangers(cells),
      musicPublishers: musicPublishers(cells),
      musicPublisherPartyIds: musicPublisherPartyIds(cells),
      workContributors: workContributors(cells),
      proprietaryWorkIds: proprietaryWorkIds(cells),
    };
  };

  if (base === 'HEAD') {
    const [mv, pr, pv, id, created, fileNo, files, start, end, senderId, sender, service, recipientId, recipient] = [
      'MessageVersion', 'Profile', 'ProfileVersion', 'MessageId', 'MessageCreatedDateTime', 'FileNumber', 'NumberOfFiles',
      'UsageStartDate', 'UsageEndDate', 'SenderPartyId', 'SenderName', 'ServiceDescription', 'RecipientPartyId', 'RecipientName',
    ].map((n) => text(n));
    const repertoire = list('RepresentedRepertoire');
    return (cells, line) => ({
      kind: 'header', line, recordType,
      messageVersion: mv(cells) ?? '', profile: pr(cells) ?? '', profileVersion: pv(cells) ?? '', messageId: id(cells) ?? '',
      messageCreatedDateTime: created(cells) ?? '',
      fileNumber: fileNo(cells) === null ? null : numberOf(fileNo(cells)),
      numberOfFiles: files(cells) === null ? null : numberOf(files(cells)),
      usageStartDate: start(cells) ?? '', usageEndDate: end(cells) ?? '', senderPartyId: senderId(cells) ?? '', senderName: sender(cells) ?? '',
      serviceDescription: service(cells), recipientPartyId: recipientId(cells), recipientName: recipient(cells), representedRepertoire: repertoire(cells),
    });
  }
  if (base.startsWith('SY')) {
    const [cm, ut, territory, service, currency, usages, subscribers, users, net, rc, rcId, rt, rtp] = [
      ['CommercialModel'], ['UseType'], ['Territory'], ['ServiceDescription'], ['CurrencyOfReporting', 'Currency'], ['Usages', 'TotalUsages'],
      ['Subscribers'], ['Users'], ['NetRevenue', 'AllocatedNetRevenue'], ['RightsController'], ['RightsControllerPartyId'], ['RightsType'], ['RightsTypePercentage'],
    ].map((names) => text(...names));
    return (cells, line) => ({
      kind: 'summary', line, recordType, summaryRecordId: summaryRecordId(cells) ?? '',
      commercialModel: cm(cells), useType: ut(cells), territory: territory(cells), serviceDescription: service(cells), currency: currency(cells),
      usages: usages(cells) === null ? null : countOf(usages(cells)), subscribers: subscribers(cells) ?? users(cells), netRevenue: net(cells),
      rightsController: rc(cells), rightsControllerPartyId: rcId(cells), rightsType: rt(cells), rightsTypePercentage: rtp(cells), cells: all(cells),
    });
  }
  if (base === 'AS01' || base === 'AS02') {
    const [ref, id, isrc, title, sub, artist, artistId, duration, type] = [
      'ResourceReference', 'DspResourceId', 'ISRC', 'Title', 'SubTitle', 'DisplayArtistName', 'DisplayArtistPartyId', 'Duration', 'ResourceType',
    ].map((n) => text(n));
    const isrcs = list('ISRC');
    const inline = base === 'AS02';
    return (cells, line) => ({
      kind: 'resource', line, recordType, blockId: blockId(cells) ?? '', resourceReference: ref(cells) ?? '', dspResourceId: id(cells) ?? '',
      isrc: isrc(cells), validIsrc: validIsrcOf(isrcs(cells)), title: title(cells) ?? '', subTitle: sub(cells), displayArtistName: artist(cells) ?? '',
      displayArtistPartyId: artistId(cells), duration: duration(cells), resourceType: type(cells), work: inline ? workData(cells) : null,
    });
  }
  if (base === 'MW01') {
    const [id, title, sub, provider] = ['DspWorkId', 'Title', 'SubTitle', 'DataProvider'].map((n) => text(n));
    return (cells, line) => ({
      kind: 'work', line, recordType, blockId: blockId(cells) ?? '', dspWorkId: id(cells) ?? '', title: title(cells) ?? '', subTitle: sub(cells),
      dataProvider: provider(cells), ...workData(cells),
    });
  }
  if (base === 'SU01' || base === 'SU02' || base === 'SU03') {
    const [tx, release, resource, ownId, usages, returns, royalty, net, price] = [
      ['SalesTransactionId'], ['TransactedRelease'], ['TransactedResource'], ['DspResourceId', 'DspReleaseId'],
      ['Usages', 'NumberOfStreams'], ['Returns'], ['IsRoyaltyBearing'], ['NetRevenue'], ['PriceConsumerPaidExcSalesTax'],
    ].map((names) => text(...names));
    return (cells, line, context) => {
      const block = blockId(cells) ?? '';
      const transactedResource = resource(cells);
      return {
        kind: 'usage', line, recordType, blockId: block, summaryRecordId: summaryRecordId(cells), salesTransactionId: tx(cells) ?? '',
        dspResourceId: context.resourceOf(block, transactedResource ?? ownId(cells)), transactedRelease: release(cells), transactedResource,
        usages: countOf(usages(cells)), returns: countOf(returns(cells)), isRoyaltyBearing: booleanOf(royalty(cells)), netRevenue: net(cells),
        priceConsumerPaidExcSalesTax: price(cells),
      };
    };
  }
  if (base === 'LI01') {
    const [rc, rcId, rcWork, share, rt, allocatedNet, allocated, allocatedUsages] = [
      'RightsController', 'RightsControllerPartyId', 'RightsControllerWorkId', 'RightSharePercentage', 'RightsType',
      'AllocatedNetRevenue', 'AllocatedAmount', 'AllocatedUsages',
    ].map((n) => text(n));
    return (cells, line, context) => {
      const controller = rc(cells) ?? '';
      return {
        kind: 'licensor', line, recordType, blockId: blockId(cells) ?? '', summaryRecordId: summaryRecordId(cells), salesTransactionId: context.salesTransactionId,
        rightsController: controller, rightsControllerPartyId: rcId(cells), rightsControllerWorkId: rcWork(cells), rightSharePercentage: share(cells),
        rightsType: rt(cells), allocatedNetRevenue: allocatedNet(cells), allocatedAmount: allocated(cells), allocatedUsages: allocatedUsages(cells),
        conflict: controller.toLowerCase() === 'conflict',
      };
    };
  }
  if (base === 'FOOT') return () => undefined;
  return (cells, line) => ({ kind: 'release', line, recordType, blockId: blockId(cells) ?? '', summaryRecordId: summaryRecordId(cells), cells: all(cells) });
}
