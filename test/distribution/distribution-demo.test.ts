import assert from 'node:assert/strict';
import { fileURLToPath } from 'node:url';
import { runDistributionDemo } from '../../src/distribution/use-cases/run-distribution-demo.js';
import { importWorksCsv } from '../../src/registry/use-cases/import-works-csv.js';
import { importMembers } from '../../src/registry/use-cases/members.js';
import { setSettings } from '../../src/registry/use-cases/settings.js';
import { ingestDemoReport } from '../../src/usage/use-cases/ingest-demo-report.js';
import { testContext } from '../registry/registry-fixtures.js';
import { describeEachEngine, test } from '../support/engines.js';

const demoDir = fileURLToPath(new URL('../../data/demo/', import.meta.url));

describeEachEngine('the distribution demo', (open) => {
  test('distributes the demo report of the demo catalogue, reconciles exactly and gives LI Wei a statement with lines', async () => {
    const context = testContext(await open());
    await setSettings(context, { name: 'Demo Music Copyright Society', societyCode: '119', currency: 'CNY', sisters: ['052:PR;MR:2136', '058:PR;MR:2136', '035:PR;MR:2136'] });
    await importMembers(context, `${demoDir}members.csv`);
    await importWorksCsv(context, `${demoDir}works.csv`, { submitter: { kind: 'cmo', societyCode: '119' } });
    await ingestDemoReport(context, '2025-01');
    await assert.rejects(runDistributionDemo(context, { period: '2025-02' }), { code: 'CLEF_NOT_FOUND' });
    const demo = await runDistributionDemo(context);
    assert.equal(demo.fxRate?.from, 'EUR');
    assert.equal(demo.fxRate?.to, 'CNY');
    const { figures } = demo;
    const reserves = Object.values(figures.reserves).reduce((s, v) => s + BigInt(v), 0n);
    assert.ok(BigInt(figures.money_in_micros) > 0n);
    assert.equal(BigInt(figures.commission_micros) + BigInt(figures.allocated_micros) + reserves, BigInt(figures.money_in_micros));
    assert.ok(BigInt(figures.reserves.unmatched_micros) > 0n, 'the resource the catalogue lacks is held as unmatched');
    assert.ok(figures.match_rate.lines > 0 && figures.match_rate.lines < 1);
    const statement = demo.statement!;
    assert.equal(statement.payee.name, 'LI, Wei');
    assert.ok(statement.lines.length > 0);
    assert.equal(statement.totals.amount_micros, figures.parties.find((p) => p.ipi_name_numbers.includes('00012345036'))!.amount_micros);
  });
});
