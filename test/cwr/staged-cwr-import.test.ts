import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { importWorksCwr } from '../../src/registry/use-cases/import-works-cwr.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { writeCwrTestFile, type PublisherSpec, type WorkSpec } from './cwr-generator.js';
import { registryDump } from '../registry/registry-dump.js';
import { cmoContext } from './cwr-test-files.js';

const starlight: PublisherSpec = { ip: 'P1', name: 'STARLIGHT MUSIC', ipi: '00000000199', society: '052', type: 'E', chain: 1, ownership: [5000, 5000, 5000], territories: [{ tis: 2136, collection: [5000, 10000, 10000] }] };
const jade: PublisherSpec = { ...starlight, ip: 'P2', name: 'JADE RIVER SONGS', ipi: '00000000297' };
const work = (number: string, title: string, extra: Partial<WorkSpec> = {}): WorkSpec => ({
  number, title,
  publishers: [starlight],
  writers: [{ ip: 'W1', lastName: 'LI', firstName: 'WEI', ipi: '00014107338', society: '052', ownership: [5000, 5000, 5000], publisherIp: 'P1' }],
  ...extra,
});

/** A registration file whose later transactions lean on earlier ones: a revision, the same work under two numbers, a contested one. */
const works: WorkSpec[] = [
  work('A1', 'ALPHA'),
  work('B1', 'BRAVO'),
  work('C1', 'CHARLIE'),
  work('A1', 'ALPHA', { type: 'REV' }),
  work('C2', 'CHARLIE'),
  work('D1', 'DELTA'),
  work('D2', 'DELTA', { publishers: [jade], writers: [{ ip: 'W1', lastName: 'LI', firstName: 'WEI', ipi: '00014107338', society: '052', ownership: [5000, 5000, 5000], publisherIp: 'P2' }] }),
  work('Z9', 'NEVER SENT', { type: 'REV' }),
  work('E1', 'ECHO'),
];


describeEachEngine('a CWR file staged one transaction per chunk', (open) => {
  test('registers, answers and acknowledges exactly as in one chunk: revisions, same-work keys, parties and disputes found in earlier chunks', async () => {
    const dir = tempDir();
    const file = await writeCwrTestFile(dir, 'CW180001PUB_000.V21', { senderIpi: '00000000199', senderName: 'STARLIGHT MUSIC', created: { date: '20180516', time: '091051' }, works });
    const results = [];
    for (const batchSize of [1, 5000]) {
      const context = await cmoContext(await open());
      const chunks: number[] = [];
      const ackPath = join(dir, `ack-${batchSize}.V21`);
      const summary = await importWorksCwr(context, file, { ackPath, batchSize, onStaged: (n) => chunks.push(n) });
      results.push({ summary, chunks, ack: readFileSync(ackPath, 'latin1'), dump: await registryDump(context.store.db) });
    }
    const [perTransaction, whole] = results;
    assert.equal(perTransaction.chunks.length, works.length + 1, 'a chunk per transaction, and the file row');
    assert.deepEqual([whole.summary.created, whole.summary.added, whole.summary.revised, whole.summary.rejected, whole.summary.disputed], [5, 2, 1, 1, 2]);
    // As at any batch boundary, DELTA's first registration is answered before the second contests it: AS, not CO.
    assert.deepEqual({ ...perTransaction.summary, ackPath: undefined, disputed: 2 }, { ...whole.summary, ackPath: undefined });
    const [lines, wholeLines] = [perTransaction.ack.split('\r\n'), whole.ack.split('\r\n')];
    const differing = lines.flatMap((line, i) => (line === wholeLines[i] ? [] : [[line.slice(0, 3), line.includes('DELTA'), line.slice(-2), wholeLines[i].slice(-2)]]));
    assert.equal(lines.length, wholeLines.length);
    assert.deepEqual(differing, [['ACK', true, 'AS', 'CO']]);
    const answeredEarly = (rows: string[]) => rows.map((row) => row.replace('"submitter_work_number":"D1","status":"AS"', '"submitter_work_number":"D1","status":"CO"').replace('\\"disputed\\":1', '\\"disputed\\":2'));
    assert.deepEqual({ ...perTransaction.dump, cwr_file_transactions: answeredEarly(perTransaction.dump.cwr_file_transactions), cwr_files: answeredEarly(perTransaction.dump.cwr_files) }, whole.dump);
    assert.equal(whole.dump.counterclaims.length, 1, 'DELTA contested by a second publisher');
  });
});
