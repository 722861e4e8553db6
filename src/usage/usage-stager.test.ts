import assert from 'node:assert/strict';
import { readdirSync } from 'node:fs';
import { test } from 'node:test';
import { fixturePath } from '../../test/support/repo-paths.js';
import { tempDir } from '../../test/support/temp-dir.js';
import { openDsrFile, parseDsrFile, type DsrRow } from '../formats/dsr/index.js';
import { generateUsage } from './generate-usage/generate-usage.js';
import { createUsageStager, type StagedBatch } from './usage-stager.js';

async function rowsOf(path: string): Promise<DsrRow[]> {
  const parse = parseDsrFile(openDsrFile(path));
  const rows: DsrRow[] = [];
  for (let next = await parse.next(); !next.done; next = await parse.next()) rows.push(...next.value);
  return rows;
}

/** Each staged row as `table line JSON`, the way the staged tables would hold it. */
function stagedRows(batch: StagedBatch): string[] {
  return Object.entries(batch).flatMap(([table, rows]) => (rows as { line: number }[]).map((row) => `${table} ${row.line} ${JSON.stringify(row, (_key, value) => (typeof value === 'bigint' ? String(value) : value))}`));
}

const lineOf = (row: string): number => Number(row.split(' ')[1]);

test('every staged row of a line before the stager\'s resume point has been given out, whatever the batches, and the rows do not depend on them', async () => {
  const dir = tempDir();
  const generated = await generateUsage({ out: dir, lines: 600, recordings: 40, seed: 3 });
  const files = [...readdirSync(fixturePath('dsr')).filter((name) => name.endsWith('.tsv')).map((name) => fixturePath('dsr', name)), generated.reportFile];
  let checked = 0;
  for (const file of files) {
    const rows = await rowsOf(file);
    const whole = createUsageStager(1n, 1);
    const expected = [...stagedRows(whole.add(rows)), ...stagedRows(whole.finish())].sort();
    for (const size of [1, 2, 5, 17]) {
      const stager = createUsageStager(1n, 1);
      const given: string[] = [];
      for (let start = 0; start < rows.length; start += size) {
        const batch = rows.slice(start, start + size);
        given.push(...stagedRows(stager.add(batch)));
        const resumeLine = stager.heldFrom() ?? batch[batch.length - 1].line + 1;
        const out = new Set(given);
        const missing = expected.filter((row) => lineOf(row) < resumeLine && !out.has(row));
        assert.deepEqual(missing, [], `${file}, batches of ${size}, after line ${batch[batch.length - 1].line}: rows before ${resumeLine} not yet given out`);
        checked++;
      }
      given.push(...stagedRows(stager.finish()));
      assert.deepEqual(given.sort(), expected, `${file}, batches of ${size}: the same rows as one batch`);
    }
  }
  assert.ok(checked > 1_000, 'many resume points were checked');
});
