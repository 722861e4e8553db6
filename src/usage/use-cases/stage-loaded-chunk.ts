import type { DsrRecordDefinition, DsrRow } from '../../formats/dsr/index.js';
import { compileDsrRowBuilder } from '../../formats/dsr/build-dsr-row.js';
import { isCompactIswc, parseIsrc, parseIswc } from '../../identifiers/index.js';
import { artistKey, nameKey, titleKey } from '../../registry/match-key.js';
import { inTransaction } from '../../store/index.js';
import { recordCells } from '../../store/usage/loaded-line-queries.js';
import {
  distinctResourceValues, foldLoadedResources, insertLoadedLicensors, insertLoadedResources, insertLoadedUsageLines, insertLoadedWorks,
  uncompactIdentifiers, type LoadedDefinitions, type LoadedStaging,
} from '../../store/usage/loaded-staging-queries.js';
import { setStagedLines } from '../../store/usage/staging-queries.js';
import type { UsageStager } from '../usage-stager.js';
import type { UsageContext } from './usage-context.js';

/** The keys and checked identifiers TypeScript computes once per distinct value. */
function keyOf(kind: string, raw: string): string | null {
  switch (kind) {
    case 'title':
      return titleKey(raw);
    case 'artist':
      return artistKey(raw);
    case 'writers':
      return raw.split('|').map(nameKey).join('|');
    case 'numbers':
      return [...new Set(raw.split('|'))].join('|');
    case 'isrc': {
      for (const v of raw.split('|').filter((x) => x !== '')) {
        const parsed = parseIsrc(v);
        if (parsed.ok) return parsed.value;
      }
      return null;
    }
    default: {
      if (isCompactIswc(raw)) return raw;
      const parsed = parseIswc(raw);
      return parsed.ok ? parsed.value : null;
    }
  }
}

/** A checked chunk of loaded lines, ready to be staged. */
export interface LoadedChunk {
  readonly staging: LoadedStaging;
  /** The scratch table the keys of uncompact identifiers go to (the fold reads it). */
  readonly identifierKeys: string;
  readonly kinds: LoadedDefinitions;
  /** The record types staged through the TypeScript row builders (summaries, releases). */
  readonly rowTypes: readonly string[];
  readonly definitionOf: (recordType: string) => DsrRecordDefinition;
  /** The chunk's last line: its rows are committed with the resume line after it. */
  readonly lastLine: number;
}

const pageLines = 50_000;

/**
 * Stages one chunk of loaded lines by `INSERT … SELECT`, in one committed transaction that also records the line a
 * resume would go on from (the next chunk's first): the report stays `staging`, invisible, until the file is accepted.
 * Every statement sees this chunk alone, and since a chunk holds whole blocks, each block folds as in a whole file.
 */
export async function stageLoadedChunk(context: UsageContext, chunk: LoadedChunk, stager: UsageStager): Promise<void> {
  const { db, engine } = context.store;
  const { staging, kinds, definitionOf } = chunk;
  const identifiers = await uncompactIdentifiers(db, staging, kinds);
  await engine.writeScratchTable(db, chunk.identifierKeys, ['kind', 'raw', 'value'], identifiers.map((r) => [r.kind, r.raw, keyOf(r.kind, r.raw)]));
  const withIds: LoadedStaging = { ...staging, keys: chunk.identifierKeys };
  await foldLoadedResources(db, engine, withIds, kinds);
  const values = await distinctResourceValues(db, staging);
  await engine.writeScratchTable(db, staging.keys, ['kind', 'raw', 'value'], values.map((r) => [r.kind, r.raw, keyOf(r.kind, r.raw)]));
  const builderContext = { resourceOf: () => null, salesTransactionId: null };
  // PostgreSQL estimates the CTEs over scratch tables (grouped, windowed) at a row or so and then plans nested loops
  // over them: 300,000 lines took minutes in one statement instead of seconds.
  await inTransaction(db, (tx) =>
    engine.withWholeSetJoins(tx, async () => {
      await insertLoadedUsageLines(tx, staging, kinds);
      await insertLoadedResources(tx, staging);
      await insertLoadedWorks(tx, withIds, kinds);
      await insertLoadedLicensors(tx, staging, kinds);
      // Summaries and releases (kept as their cells in JSON) are built by the TypeScript row builders, a page at a time.
      for (let after = 0; chunk.rowTypes.length > 0; ) {
        const page = await recordCells(tx, staging.records, { types: chunk.rowTypes, after, limit: pageLines });
        const rows = page.map(({ line, cells }) => compileDsrRowBuilder(definitionOf(cells[0]))(cells, line, builderContext)).filter((r): r is DsrRow => r !== undefined);
        const batch = stager.add(rows);
        await engine.bulkInsert(tx, 'usage_summaries', batch.summaries);
        await engine.bulkInsert(tx, 'usage_releases', batch.releases);
        if (page.length < pageLines) break;
        after = page[page.length - 1].line;
      }
      await setStagedLines(tx, staging.reportId, chunk.lastLine, chunk.lastLine + 1);
    }),
  );
}
