import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describeEachEngine, test } from '../support/engines.js';
import { fixturePath } from '../support/repo-paths.js';
import { tempDir } from '../support/temp-dir.js';
import { isClefError } from '../../src/errors/index.js';
import type { Store } from '../../src/store/index.js';
import { generateUsage } from '../../src/usage/generate-usage/generate-usage.js';
import { ingestReport, type IngestOptions } from '../../src/usage/use-cases/ingest-report.js';

const stagedTables = ['usage_reports', 'usage_report_files', 'usage_summaries', 'usage_resources', 'usage_works', 'usage_releases', 'usage_lines', 'usage_licensors', 'usage_matches', 'usage_medley_parts'] as const;

/** Every staged row, in a stable order, as JSON text (bigint as text, so both engines and readers compare alike). */
async function stagedRows(store: Store): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const table of stagedTables) {
    const rows = (await store.db.selectFrom(table).selectAll().execute()) as Record<string, unknown>[];
    const text = rows.map((row) => JSON.stringify(Object.fromEntries(Object.entries(row).sort(([a], [b]) => a.localeCompare(b))), (_k, v) => (typeof v === 'bigint' ? String(v) : v)));
    out[table] = text.sort();
  }
  return out;
}

const asJson = (value: unknown): unknown => JSON.parse(JSON.stringify(value, (_k, v) => (typeof v === 'bigint' ? String(v) : v)));

/** A DSR file name whose sender, recipient and service agree with the generated report's HEAD. */
const generatedName = (tag: string, ext = 'tsv') => `DSR_PADPIDA2025010101C_PADPIDA2011072101T_Premium_2025-01_FR_1of1_2025020100000${tag}.${ext}`;

/** The generated report and hostile variants of it, each a file of its own. */
async function hostileFiles(dir: string, size = 1200): Promise<{ clean: string[]; hostile: string[]; all: string[] }> {
  const generated = await generateUsage({ out: join(dir, 'gen'), lines: size, recordings: 200, seed: 7 });
  const original = readFileSync(generated.reportFile, 'utf8');
  const messageId = original.split('\t')[4];
  // Each variant is its own report (another MessageId), so that none is a duplicate of another.
  let variants = 0;
  const text = original;
  const own = (content: string): string => content.split(messageId).join(`${messageId}-${++variants}`);
  const lines = text.trimEnd().split('\n');
  const write = (name: string, content: string | Buffer): string => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const edit = (change: (lines: string[]) => string[]): string => own(`${change([...lines]).join('\n')}\n`);
  const firstOf = (prefix: string) => lines.findIndex((l) => l.startsWith(prefix));
  const setCell = (line: string, index: number, value: string) => line.split('\t').map((c, i) => (i === index ? value : c)).join('\t');
  const mw = firstOf('MW01.01');
  const su = firstOf('SU02');
  const as1 = firstOf('AS01.01');
  const foot = lines.length - 1;
  const clean = [
    write(generatedName('1'), text),
    write(generatedName('2', 'tsv.gz'), gzipSync(Buffer.from(own(text)))),
    // Empty lines (warnings), a second work in a block (a medley), ISRCs in another notation and malformed (warnings), a negative amount.
    write(generatedName('3'), edit((l) => {
      l[mw] = `${l[mw]}\n${setCell(setCell(l[mw], 2, 'W9'), 3, 'T0345246801')}`;
      l[as1] = setCell(l[as1], 4, `${l[as1].split('\t')[4].slice(0, 2)}-${l[as1].split('\t')[4].slice(2, 5)}-${l[as1].split('\t')[4].slice(5)}`);
      l[firstOf('AS02.02')] = setCell(l[firstOf('AS02.02')], 4, 'XX12');
      return [...l.slice(0, 3), '', ...l.slice(3, foot), '', l[foot]];
    }).replace(/^FOOT\t.*$/m, (foot) => foot.replace(new RegExp(`\\t${size}(?=\\t|$)`, 'g'), `\t${size + 3}`))),
  ];
  const hostile = [
    write(generatedName('4'), own(text).slice(0, Math.floor(text.length / 2))),
    write(generatedName('5'), Buffer.concat([Buffer.from(lines.slice(0, 8).join('\n')), Buffer.from([0x0a, 0xc3, 0x28, 0x0a]), Buffer.from(`${lines.slice(8).join('\n')}\n`)])),
    write(generatedName('6'), edit((l) => ((l[su] = setCell(l[su], 7, 'abc')), l))),
    write(generatedName('7'), edit((l) => l.slice(0, foot))),
    write(generatedName('8'), edit((l) => ((l[foot] = setCell(l[foot], 1, '5')), l))),
    write(generatedName('9'), edit((l) => [...l.slice(0, su), 'XX01\t1\tfoo', ...l.slice(su)])),
    write(generatedName('0'), `\ufeff${own(text)}`),
    write('DSR_PADPIDA2025010101C_PADPIDA2011072101T_Premium_2025-01_FR_1of1_20250201T000011.tsv', own(text).replace(/\n/g, '\r\n')),
    write('DSR_PADPIDA2025010101C_PADPIDA2011072101T_Premium_2025-01_FR_1of1_20250201T000012.tsv', edit((l) => ((l[su] = `${l[su]}\u0007`), l))),
    write('DSR_PADPIDA2025010101C_PADPIDA2011072101T_Premium_2025-01_FR_1of1_20250201T000013.tsv', edit((l) => ((l[as1] = setCell(l[as1], 5, 'Title \\| with a bar')), l))),
    write('DSR_PADPIDA2025010101C_PADPIDA2011072101T_Premium_2025-01_FR_1of1_20250201T000014.tsv', edit((l) => ((l[su] = setCell(l[su], 7, '99999999999')), l))),
    write('DSR_PADPIDA2025010101C_PADPIDA2011072101T_Premium_2025-01_FR_1of1_20250201T000015.tsv', edit((l) => ((l[su] = setCell(l[su], 2, '7')), l))),
    write('DSR_PADPIDA2025010101C_PADPIDA2011072101T_Premium_2025-01_FR_1of1_20250201T000016.tsv', edit((l) => [...l.slice(0, su + 1), l[as1], ...l.slice(su + 1)])),
    write('DSR_PADPIDA2025010101C_PADPIDA2011072101T_Premium_2025-01_FR_1of1_20250201T000017.tsv', edit((l) => ((l[0] = setCell(l[0], 8, '2025-02-30')), l))),
    write('DSR_PADPIDA2025010101C_PADPIDA2011072101T_Premium_2025-01_FR_1of1_20250201T000018.tsv', gzipSync(Buffer.from(text)).subarray(0, 2000)),
    // Found only in the last chunks: an escape (the TypeScript reader stages it), a wrong FOOT count, a block met again.
    write('DSR_PADPIDA2025010101C_PADPIDA2011072101T_Premium_2025-01_FR_1of1_20250201T000019.tsv', edit((l) => ((l[foot - 1] = `${l[foot - 1]}\\|x`), l))),
    write('DSR_PADPIDA2025010101C_PADPIDA2011072101T_Premium_2025-01_FR_1of1_20250201T000020.tsv', edit((l) => ((l[foot] = setCell(l[foot], 1, '5')), l))),
    write('DSR_PADPIDA2025010101C_PADPIDA2011072101T_Premium_2025-01_FR_1of1_20250201T000021.tsv', edit((l) => [...l.slice(0, foot), l[firstOf('SU02')], l[foot]])),
    // A line longer than the longest DSR line (1 MiB): the cutting stops there.
    write('DSR_PADPIDA2025010101C_PADPIDA2011072101T_Premium_2025-01_FR_1of1_20250201T000022.tsv', edit((l) => ((l[su] = `${l[su]}${'x'.repeat(1_100_000)}`), l))),
  ];
  // The first clean file again: a duplicate by content.
  return { clean, hostile, all: [...clean, ...hostile, clean[0]] };
}

const fixtures = readdirSync(fixturePath('dsr')).filter((name) => /\.tsv(\.gz)?$/.test(name)).map((name) => fixturePath('dsr', name));

/** Ingests `paths` into a fresh store with `options`, noting which reader took each file and why. */
async function ingestAll(store: Store, paths: readonly string[], options: IngestOptions) {
  const readers: Record<string, string[]> = {};
  const staged: Record<string, number> = {};
  const outcomes = [];
  for (const [i, path] of paths.entries()) {
    // One time per file: the loader may open a staging report, find a fault in a late chunk and leave the file to the
    // reader, which opens it again; a clock that ticks per call would tell the two apart where a real one would not.
    const at = new Date(Date.UTC(2026, 0, 1, 0, 0, i)).toISOString();
    const ingested = ingestReport({ store, actor: 'tester', clock: () => at }, [path], {
      ...options,
      onReader: (file, used, why) => void (readers[file] ??= []).push(`${options.reader ?? 'engine'}:${used}${why ? ` (${why})` : ''}`),
      onStaged: (file) => void (staged[file] = (staged[file] ?? 0) + 1),
    });
    // A file that is no DSR at all (a line over 1 MiB) is refused with an error, not an outcome: the same for both.
    outcomes.push(...(await ingested.catch((error: unknown) => {
      if (!isClefError(error)) throw error;
      return [{ file: path.split('/').pop()!, outcome: 'error', code: error.code, message: error.message, warningCount: 0 }];
    })));
  }
  return { outcomes: asJson(outcomes) as { file: string; outcome: string; warningCount: number }[], rows: await stagedRows(store), readers, staged };
}

describeEachEngine('the engine loader against the TypeScript reader (the oracle)', (open) => {
  test('every DSR fixture and every generated and hostile file: the same outcomes, findings and staged rows', async () => {
    const dir = tempDir();
    const files = await hostileFiles(dir);
    const paths = [...fixtures, ...files.all];
    const oracle = await ingestAll(await open(), paths, { reader: 'typescript' });
    const loaded = await ingestAll(await open(), paths, { reader: 'engine' });
    assert.deepEqual(loaded.outcomes, oracle.outcomes);
    assert.deepEqual(loaded.rows, oracle.rows);
    const { outcomes, readers } = { outcomes: oracle.outcomes, readers: loaded.readers };
    // The engine read the clean generated files itself, and they were staged, with warnings where planted.
    for (const path of files.clean) {
      const name = path.split('/').pop()!;
      assert.ok(readers[name].includes('engine:engine'), `${name} was read by the engine: ${readers[name]}`);
      assert.equal(outcomes.find((o) => o.file === name)?.outcome, 'staged');
    }
    assert.ok(outcomes.find((o) => o.file === files.clean[2].split('/').pop())!.warningCount >= 4);
    // Every hostile file was refused (or, with escapes and other line ends, read by the TypeScript reader and staged).
    for (const path of files.hostile) {
      const name = path.split('/').pop()!;
      const outcome = outcomes.find((o) => o.file === name)!;
      if (outcome.outcome === 'staged') assert.ok(readers[name].some((r) => r.startsWith('engine:typescript')), `${name} staged by the TypeScript reader`);
      else assert.ok(['refused', 'duplicate', 'error'].includes(outcome.outcome), `${name}: ${outcome.outcome}`);
    }
    assert.equal(outcomes[outcomes.length - 1].outcome, 'duplicate');
  });

  // Tiny chunks put every chunk boundary at a block's end and every check across chunks to work: HEAD in the first,
  // summaries before blocks, split blocks, FOOT and the totals at the end, warnings in the reader's order.
  for (const chunkLines of [1, 2, 7]) {
    test(`in chunks of ${chunkLines} line${chunkLines === 1 ? '' : 's'}: the same outcomes, findings and staged rows as the reader, the errors of late chunks leaving nothing of the loader`, async () => {
      const dir = tempDir();
      const files = await hostileFiles(dir, 40);
      const paths = [...fixtures, ...files.all];
      const oracle = await ingestAll(await open(), paths, { reader: 'typescript' });
      const loaded = await ingestAll(await open(), paths, { reader: 'engine', loaderChunkLines: chunkLines });
      assert.deepEqual(loaded.outcomes, oracle.outcomes);
      assert.deepEqual(loaded.rows, oracle.rows);
      const name = (path: string) => path.split('/').pop()!;
      for (const path of files.clean) {
        assert.deepEqual(loaded.readers[name(path)], ['engine:engine'], name(path));
        assert.ok(loaded.staged[name(path)] > 2, `${name(path)} was staged in several committed chunks (${loaded.staged[name(path)]})`);
      }
      // The backslash, the FOOT count and the block met again are in the last chunks: the loader had committed chunks
      // of each before it found them, and what it left is gone (the rows above are the reader's alone).
      const [escaped, footCount, splitBlock, longLine] = files.hostile.slice(-4).map(name);
      assert.match(loaded.readers[longLine].join(), /^engine:typescript \(it holds a line longer than 1,?048,?576 bytes/);
      assert.match(loaded.readers[escaped].join(), /^engine:typescript \(it holds a backslash\)$/);
      assert.match(loaded.readers[footCount].join(), /^engine:typescript \(FOOT/);
      assert.match(loaded.readers[splitBlock].join(), /^engine:typescript \((a block split across chunks|blocks out of order)\)$/);
      for (const file of [escaped, footCount, splitBlock]) assert.ok(loaded.staged[file] > 2, `${file}: chunks were committed before the fault was found (${loaded.staged[file]})`);
      assert.deepEqual([escaped, footCount, splitBlock].map((file) => loaded.outcomes.find((o) => o.file === file)!.outcome), ['staged', 'refused', 'refused']);
    });
  }

  test('a block met again in a later chunk is found whether the BlockIds count up by one or not, as the reader finds it', async () => {
    const dir = tempDir();
    const generated = await generateUsage({ out: join(dir, 'gen'), lines: 120, recordings: 50, seed: 9 });
    const lines = readFileSync(generated.reportFile, 'utf8').trimEnd().split('\n');
    const isBlock = (line: string) => /^(AS0[12]|MW01|SU0[123]|LI01|RE0[12]|RU0[12])/.test(line);
    // Every BlockId made a name (B7 for 7), so that the ids no longer count up by one.
    const named = lines.map((line) => (isBlock(line) ? line.replace(/^([^\t]*)\t([^\t]*)/, '$1\tB$2') : line));
    const usageOf = (ls: string[], id: string) => ls.find((l) => l.startsWith('SU02') && l.split('\t')[1] === id)!;
    const moved = (ls: string[], id: string) => [...ls.slice(0, -1).filter((l) => l !== usageOf(ls, id)), usageOf(ls, id), ls[ls.length - 1]];
    const write = (tag: string, ls: string[]) => {
      const path = join(dir, generatedName(tag));
      writeFileSync(path, `${ls.join('\n')}\n`.split(lines[0].split('\t')[4]).join(`${lines[0].split('\t')[4]}-${tag}`));
      return path;
    };
    const paths = [write('1', moved(lines, '3')), write('2', moved(named, 'B3')), write('3', named), write('4', moved(lines.filter((l) => !l.startsWith('#')), '1'))];
    const oracle = await ingestAll(await open(), paths, { reader: 'typescript' });
    const loaded = await ingestAll(await open(), paths, { reader: 'engine', loaderChunkLines: 5 });
    assert.deepEqual(loaded.outcomes, oracle.outcomes);
    assert.deepEqual(loaded.rows, oracle.rows);
    assert.deepEqual(oracle.outcomes.map((o) => o.outcome), ['refused', 'refused', 'staged', 'refused']);
    for (const path of [paths[0], paths[1], paths[3]]) assert.match(loaded.readers[path.split('/').pop()!].join(), /\(a block split across chunks\)/);
    assert.deepEqual(loaded.readers[paths[2].split('/').pop()!], ['engine:engine'], 'named BlockIds, each block whole, are loaded');
  });
});
