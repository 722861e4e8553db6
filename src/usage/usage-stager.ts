import type { DsrLicensorRow, DsrResourceRow, DsrRow, DsrUsageRow, DsrWorkData, DsrWorkRow } from '../formats/dsr/index.js';
import { artistKey, nameKey, titleKey } from '../registry/match-key.js';
import type { ClefDatabase } from '../store/index.js';
import { memoizeKey } from './memoize-key.js';

/** The staged rows of one batch, per table. */
export interface StagedBatch {
  readonly summaries: ClefDatabase['usage_summaries'][];
  readonly resources: ClefDatabase['usage_resources'][];
  readonly works: ClefDatabase['usage_works'][];
  readonly releases: ClefDatabase['usage_releases'][];
  readonly lines: ClefDatabase['usage_lines'][];
  readonly licensors: ClefDatabase['usage_licensors'][];
}

/** Turns the typed rows of one DSR file into staged table rows, batch by batch. */
export interface UsageStager {
  /** Stages a batch; resources of the block still being read are held back until the block ends. */
  add(rows: readonly DsrRow[]): StagedBatch;
  /** Releases what is held back at the end of the file. */
  finish(): StagedBatch;
  /** The line of the first resource held back (its block still open), if any: every row before it is out. */
  heldFrom(): number | undefined;
}

interface HeldBlock {
  readonly blockId: string;
  readonly resources: DsrResourceRow[];
  readonly works: DsrWorkData[];
  readonly workNumbers: string[];
}

/**
 * A rights controller's work id with the controller as its namespace (`PUB_3::4534`), unless it names one itself:
 * matching resolves numbers only within their namespace.
 */
function controllerWorkNumber(row: DsrLicensorRow): string {
  const id = row.rightsControllerWorkId!;
  return id.includes('::') ? id : `${row.rightsControllerPartyId ?? row.rightsController}::${id}`;
}

function joined(values: readonly string[]): string | null {
  return values.length === 0 ? null : values.join('|');
}

function emptyBatch(): StagedBatch {
  return { summaries: [], resources: [], works: [], releases: [], lines: [], licensors: [] };
}

/**
 * Creates the stager of one file of a report. It folds a block's work data (MW01 or inline AS02, and the work
 * numbers LI01 names, each with its namespace) into its resources and computes their matching keys once, at ingestion (DESIGN.md), so
 * matching reads one self-contained row per resource.
 */
export function createUsageStager(reportId: bigint, fileNumber: number): UsageStager {
  let held: HeldBlock | undefined;
  // A popular resource is reported in many blocks: its title key is computed once, not once per block.
  const titleKeyOf = memoizeKey(titleKey);
  const artistKeyOf = memoizeKey(artistKey);
  const nameKeyOf = memoizeKey(nameKey);

  const release = (out: StagedBatch): void => {
    if (!held) return;
    const block = held;
    held = undefined;
    for (const resource of block.resources) {
      // A medley (an AS01 whose block names several MW01 works) is matched part by part (usage_medley_parts):
      // no one work's ISWC or numbers stand for the resource.
      const medley = !resource.work && block.works.length > 1;
      const work = medley ? null : resource.work ?? block.works[0] ?? null;
      const writers = medley ? block.works.flatMap((w) => w.composerAuthors) : work ? [...work.composerAuthors] : [];
      const numbers = [...new Set([...(work?.proprietaryWorkIds ?? []), ...(medley ? [] : block.workNumbers)])];
      out.resources.push({
        report_id: reportId,
        file_number: fileNumber,
        line: resource.line,
        record_type: resource.recordType,
        block_id: resource.blockId,
        resource_reference: resource.resourceReference,
        dsp_resource_id: resource.dspResourceId,
        isrc: resource.isrc,
        valid_isrc: resource.validIsrc,
        title: resource.title,
        sub_title: resource.subTitle,
        display_artist: resource.displayArtistName,
        duration: resource.duration,
        resource_type: resource.resourceType,
        iswc: work?.iswc ?? null,
        valid_iswc: medley ? null : work?.validIswc ?? block.works.find((w) => w.validIswc)?.validIswc ?? null,
        writers: joined(writers),
        work_numbers: joined(numbers),
        title_key: titleKeyOf(resource.title),
        artist_key: artistKeyOf(resource.displayArtistName),
        writer_keys: joined(writers.map(nameKeyOf)),
      });
    }
  };

  const blockOf = (blockId: string, out: StagedBatch): HeldBlock => {
    if (held?.blockId !== blockId) {
      release(out);
      held = { blockId, resources: [], works: [], workNumbers: [] };
    }
    return held;
  };

  const work = (row: DsrWorkRow): ClefDatabase['usage_works'] => ({
    report_id: reportId,
    file_number: fileNumber,
    line: row.line,
    record_type: row.recordType,
    block_id: row.blockId,
    dsp_work_id: row.dspWorkId,
    title: row.title,
    iswc: row.iswc,
    valid_iswc: row.validIswc,
    writers: joined(row.composerAuthors),
    publishers: joined(row.musicPublishers),
    proprietary_work_ids: joined(row.proprietaryWorkIds),
  });

  const usage = (row: DsrUsageRow): ClefDatabase['usage_lines'] => ({
    report_id: reportId,
    file_number: fileNumber,
    line: row.line,
    record_type: row.recordType,
    block_id: row.blockId,
    summary_record_id: row.summaryRecordId,
    sales_transaction_id: row.salesTransactionId,
    dsp_resource_id: row.dspResourceId,
    usages: row.usages,
    returns: row.returns,
    is_royalty_bearing: row.isRoyaltyBearing,
    net_revenue: row.netRevenue,
    price_consumer_paid: row.priceConsumerPaidExcSalesTax,
  });

  const licensor = (row: DsrLicensorRow): ClefDatabase['usage_licensors'] => ({
    report_id: reportId,
    file_number: fileNumber,
    line: row.line,
    block_id: row.blockId,
    summary_record_id: row.summaryRecordId,
    sales_transaction_id: row.salesTransactionId,
    rights_controller: row.rightsController,
    rights_controller_party_id: row.rightsControllerPartyId,
    rights_controller_work_id: row.rightsControllerWorkId,
    right_share_percentage: row.rightSharePercentage,
    rights_type: row.rightsType,
    allocated_net_revenue: row.allocatedNetRevenue,
    allocated_amount: row.allocatedAmount,
    allocated_usages: row.allocatedUsages,
    conflict: row.conflict,
  });

  return {
    add(rows) {
      const out = emptyBatch();
      for (const row of rows) {
        switch (row.kind) {
          case 'header':
            break;
          case 'summary':
            out.summaries.push({
              report_id: reportId,
              file_number: fileNumber,
              line: row.line,
              record_type: row.recordType,
              summary_record_id: row.summaryRecordId,
              commercial_model: row.commercialModel,
              use_type: row.useType,
              territory: row.territory,
              service_description: row.serviceDescription,
              currency: row.currency,
              usages: row.usages,
              subscribers: row.subscribers,
              net_revenue: row.netRevenue,
              rights_controller: row.rightsController,
              rights_controller_party_id: row.rightsControllerPartyId,
              rights_type: row.rightsType,
              rights_type_percentage: row.rightsTypePercentage,
              cells: JSON.stringify(row.cells),
            });
            break;
          case 'resource':
            blockOf(row.blockId, out).resources.push(row);
            break;
          case 'work':
            blockOf(row.blockId, out).works.push(row);
            out.works.push(work(row));
            break;
          case 'release':
            out.releases.push({ report_id: reportId, file_number: fileNumber, line: row.line, record_type: row.recordType, block_id: row.blockId, cells: JSON.stringify(row.cells) });
            break;
          case 'usage':
            out.lines.push(usage(row));
            break;
          case 'licensor':
            if (row.rightsControllerWorkId) blockOf(row.blockId, out).workNumbers.push(controllerWorkNumber(row));
            out.licensors.push(licensor(row));
            break;
        }
      }
      return out;
    },
    finish() {
      const out = emptyBatch();
      release(out);
      return out;
    },
    heldFrom() {
      return held?.resources[0]?.line;
    },
  };
}
