import assert from 'node:assert/strict';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { describeEachEngine, test } from '../support/engines.js';
import { fixturePath } from '../support/repo-paths.js';
import { tempDir } from '../support/temp-dir.js';
import type { Store } from '../../src/store/index.js';
import { generateUsage } from '../../src/usage/generate-usage/generate-usage.js';
import { ingestReport, type IngestOptions } from '../../src/usage/use-cases/ingest-report.js';

function context(store: Store) {
  let tick = 0;
  return { store, actor: 'tester', clock: () => new Date(Date.UTC(2026, 0, 1, 0, 0, tick++)).toISOString() };
}

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
async function hostileFiles(dir: string): Promise<{ clean: string[]; hostile: string[]; all: string[] }> {
  const generated = await generateUsage({ out: join(dir, 'gen'), lines: 1200, recordings: 200, seed: 7 });
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
    }).replace(/^FOOT\t.*$/m, (foot) => foot.replace(/\t1200(?=\t|$)/g, '\t1203'))),
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
  ];
  // The first clean file again: a duplicate by content.
  return { clean, hostile, all: [...clean, ...hostile, clean[0]] };
}

const fixtures = readdirSync(fixturePath('dsr')).filter((name) => /\.tsv(\.gz)?$/.test(name)).map((name) => fixturePath('dsr', name));

describeEachEngine('the engine loader against the TypeScript reader (the oracle)', (open) => {
  test('every DSR fixture and every generated and hostile file: the same outcomes, findings and staged rows', async () => {
    const dir = tempDir();
    const files = await hostileFiles(dir);
    const readers: Record<string, string[]> = {};
    const run = async (reader: 'engine' | 'typescript') => {
      const store = await open();
      const options: IngestOptions = { reader, onReader: (file, used, why) => void (readers[file] ??= []).push(`${reader}:${used}${why ? ` (${why})` : ''}`) };
      const outcomes = [];
      for (const path of [...fixtures, ...files.all]) outcomes.push(...(await ingestReport(context(store), [path], options)));
      return { outcomes: asJson(outcomes), rows: await stagedRows(store) };
    };
    const oracle = await run('typescript');
    const loaded = await run('engine');
    assert.deepEqual(loaded.outcomes, oracle.outcomes);
    assert.deepEqual(loaded.rows, oracle.rows);
    const outcomes = oracle.outcomes as { file: string; outcome: string; warningCount: number }[];
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
      else assert.ok(['refused', 'duplicate'].includes(outcome.outcome), `${name}: ${outcome.outcome}`);
    }
    assert.equal(outcomes[outcomes.length - 1].outcome, 'duplicate');
  });
});

describeEachEngine('a file above the loader size limit', (open) => {
  test('goes to the TypeScript reader with the reason (its size on disk, or what a .gz holds), and is staged as the loader stages it', async () => {
    const dir = tempDir();
    const generated = await generateUsage({ out: join(dir, 'gen'), lines: 1200, recordings: 200, seed: 8 });
    const text = readFileSync(generated.reportFile);
    const gz = join(dir, generatedName('2', 'tsv.gz'));
    writeFileSync(gz, gzipSync(text));
    const limit = text.length - 1;
    const stage = async (path: string, loaderMaxBytes?: number) => {
      const store = await open();
      const readers: string[] = [];
      const [outcome] = await ingestReport(context(store), [path], { loaderMaxBytes, onReader: (_file, used, why) => void readers.push(`${used}${why ? ` (${why})` : ''}`) });
      return { outcome: outcome.outcome, readers, rows: await stagedRows(store) };
    };
    const loaded = await stage(generated.reportFile);
    assert.deepEqual([loaded.outcome, loaded.readers], ['staged', ['engine']]);
    const large = await stage(generated.reportFile, limit);
    assert.deepEqual([large.outcome, large.readers], ['staged', [`typescript (it is larger than ${limit.toLocaleString('en')} bytes, the most the loader checks in one go)`]]);
    assert.deepEqual(large.rows, loaded.rows);
    const compressed = await stage(gz, limit);
    assert.equal(compressed.outcome, 'staged');
    assert.match(compressed.readers.join(), new RegExp(`^typescript \\(.*it is larger than ${limit.toLocaleString('en')} bytes`));
    assert.deepEqual(Object.keys(compressed.rows), Object.keys(loaded.rows));
    assert.deepEqual(compressed.rows.usage_lines, loaded.rows.usage_lines);
    assert.equal((await stage(gz, text.length)).readers[0], 'engine', 'a .gz whose content is within the limit is loaded');
  });
});
