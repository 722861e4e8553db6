import assert from 'node:assert/strict';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { importWorksCsv } from '../../src/registry/use-cases/import-works-csv.js';
import { searchWorks } from '../../src/registry/use-cases/search-works.js';
import { listDisputes, showWork } from '../../src/registry/use-cases/show-work.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { testContext, writeWorksCsv } from './registry-fixtures.js';

const cmo = { kind: 'cmo', societyCode: '119' } as const;

describeEachEngine('importing works from Clef CSV', (open) => {
  test('registers a work with its parties, consolidated shares, recording and history', async () => {
    const context = testContext(await open());
    const file = writeWorksCsv(tempDir(), 'works.csv', [
      'A1,River of Stars,T-034.524.680-1,ai_assisted,human,human,CA,00014107338,LI Wei,50,50,50,,E,00000000199,Starlight Music,50,50,50,,CNRC10000001,River of Stars,Li Wei',
    ]);
    const summary = await importWorksCsv(context, file, { submitter: cmo });
    assert.deepEqual([summary.created, summary.rejected, summary.imported], [1, 0, true]);
    const work = await showWork(context, 'T-034.524.680-1');
    assert.equal(work.title, 'River of Stars');
    assert.equal(work.ai_provenance.derived.iptcDigitalSourceType, 'compositeWithTrainedAlgorithmicMedia');
    assert.equal(work.ai_provenance.derived.ddexContainsAi, 'Partly');
    const pr = work.shares.filter((s) => s.right === 'PR').map((s) => [s.name, s.territory, s.collection_bp]);
    assert.deepEqual(pr.sort(), [['LI Wei', 'I2136', 5000], ['Starlight Music', 'I2136', 5000]]);
    assert.equal(work.recordings[0].isrc, 'CNRC10000001');
    assert.equal(work.history[0].action, 'work registered');
  });

  test('imports nothing from a file with an invalid row, and only the valid rows with skipInvalid', async () => {
    const context = testContext(await open());
    const file = writeWorksCsv(tempDir(), 'mixed.csv', [
      'A1,Good Song,,human,human,human,CA,00014107338,LI Wei,100,100,100,,,,,,,,,,,',
      'A2,Bad Shares,,human,human,human,CA,00014107338,LI Wei,60,100,100,,E,00000000199,Starlight Music,60,0,0,,,,',
      'A3,Bad Ipi,,human,human,human,CA,00014107339,LI Wei,100,100,100,,,,,,,,,,,',
    ]);
    const refused = await importWorksCsv(context, file, { submitter: cmo });
    assert.equal(refused.imported, false);
    assert.deepEqual(await searchWorks(context, 'Good Song'), []);
    const lines = refused.findings.map((f) => [f.location.line, f.code]);
    assert.ok(lines.some(([line, code]) => line === 3 && code === 'CLEF_REGISTRY_SHARES_INVALID'), JSON.stringify(lines));
    assert.ok(lines.some(([line, code]) => line === 4 && code === 'CLEF_REGISTRY_ROW_INVALID'), JSON.stringify(lines));
    const partial = await importWorksCsv(context, file, { submitter: cmo, skipInvalid: true });
    assert.deepEqual([partial.imported, partial.created, partial.rejected], [true, 1, 2]);
  });

  test('refuses publishers owning more than 50 % of the performing right and names the numbers', async () => {
    const context = testContext(await open());
    const file = writeWorksCsv(tempDir(), 'publisher.csv', ['A1,Greedy,,human,human,human,CA,00014107338,LI Wei,49.99,50,50,,E,00000000199,Starlight Music,50.01,50,50,,,,']);
    const summary = await importWorksCsv(context, file, { submitter: cmo });
    assert.equal(summary.imported, false);
    assert.match(summary.findings.map((f) => f.message).join('\n'), /50\.01 %/);
  });

  test('a later row from the same submitter and work number revises the earlier registration', async () => {
    const context = testContext(await open());
    const dir = tempDir();
    await importWorksCsv(context, writeWorksCsv(dir, 'v1.csv', ['A1,Revised Song,,human,human,human,CA,00014107338,LI Wei,100,100,100,,,,,,,,,,,']), { submitter: cmo });
    const second = await importWorksCsv(
      context,
      writeWorksCsv(dir, 'v2.csv', ['A1,Revised Song,,human,human,human,CA,00014107338,LI Wei,50,50,50,,E,00000000199,Starlight Music,50,50,50,,,,']),
      { submitter: cmo },
    );
    assert.equal(second.revised, 1);
    const [hit] = await searchWorks(context, 'Revised Song');
    const work = await showWork(context, hit.work_id);
    assert.deepEqual(work.registrations.map((r) => r.status), ['revised', 'current']);
    assert.equal(work.shares.filter((s) => s.right === 'PR').length, 2);
    assert.equal(work.in_dispute, false);
  });

  test('marks a work in dispute when two submitters together claim more than 100 %, keeping both claims', async () => {
    const context = testContext(await open());
    const dir = tempDir();
    await importWorksCsv(context, writeWorksCsv(dir, 'a.csv', ['A1,Contested,T-123.456.789-4,human,human,human,CA,00014107338,LI Wei,50,50,50,,E,00000000199,Starlight Music,50,50,50,,,,']), { submitter: cmo });
    const other = await importWorksCsv(
      context,
      writeWorksCsv(dir, 'b.csv', ['B7,Contested,T-123.456.789-4,human,human,human,CA,00014107338,LI Wei,50,50,50,,E,00000000297,Moonlight Songs,50,50,50,,,,']),
      { submitter: { kind: 'publisher', ipiNameNumber: '00000000297' } },
    );
    assert.deepEqual([other.added, other.disputed], [1, 1]);
    const work = await showWork(context, 'T1234567894');
    assert.equal(work.in_dispute, true);
    assert.equal(work.registrations.length, 2);
    // The writer both name alike is paid; the two publishers' 50 % each are held as one disputed 50 %.
    assert.deepEqual(work.shares.filter((s) => s.right === 'PR').map((s) => [s.name, s.collection_bp]), [['LI Wei', 5000], ['HELD IN DISPUTE', 5000]]);
    const disputes = await listDisputes(context);
    assert.deepEqual(disputes.map((d) => [d.right_code, d.territory, d.claimed_bp]).sort(), [['MR', 'I2136', 15000], ['PR', 'I2136', 15000], ['SR', 'I2136', 15000]]);
  });

  test('registers a fully AI-generated work without a human author, flagged', async () => {
    const context = testContext(await open());
    const file = writeWorksCsv(tempDir(), 'ai.csv', ['X1,Synthetic Dawn,,ai_generated,ai_generated,ai_generated,E,00000000199,Starlight Music,100,100,100,,,,,,,,,,,']);
    const summary = await importWorksCsv(context, file, { submitter: cmo });
    assert.equal(summary.created, 1);
    const [hit] = await searchWorks(context, 'synthetic dawn');
    const work = await showWork(context, hit.work_id);
    assert.equal(work.ai_provenance.fully_ai_generated, true);
    assert.equal(work.ai_provenance.derived.iptcDigitalSourceType, 'trainedAlgorithmicMedia');
  });

  test('finds works despite case, accents, punctuation, leading articles and typos, and by identifiers', async () => {
    const context = testContext(await open());
    const file = writeWorksCsv(tempDir(), 'search.csv', [
      'S1,The Café Song,,human,human,human,CA,00014107338,LI Wei,100,100,100,,,,,,,,,USUM70600055,The Café Song,Li Wei',
      'S2,River of Stars,,human,human,human,CA,00000000297,MOREAU Claire,100,100,100,,,,,,,,,,,',
      'S3,Completely Different,,human,human,human,CA,00000000297,MOREAU Claire,100,100,100,,,,,,,,,,,',
    ]);
    await importWorksCsv(context, file, { submitter: cmo });
    assert.equal((await searchWorks(context, 'cafe song'))[0].title, 'The Café Song');
    assert.equal((await searchWorks(context, 'Rivr of Stars'))[0].title, 'River of Stars');
    assert.equal((await searchWorks(context, 'RIVER-OF-STARS!'))[0].title, 'River of Stars');
    assert.equal((await searchWorks(context, 'USUM70600055'))[0].title, 'The Café Song');
    const byCreator = await searchWorks(context, 'Claire Moreau');
    assert.deepEqual(byCreator.map((h) => h.title).sort(), ['Completely Different', 'River of Stars']);
    assert.equal((await searchWorks(context, '00000000297')).length, 2);
  });

  test('reports a missing file with a coded error', async () => {
    const context = testContext(await open());
    await assert.rejects(importWorksCsv(context, '/nonexistent/works.csv', { submitter: cmo }), { code: 'CLEF_FILE_UNREADABLE' });
  });
});

describeEachEngine('merging duplicate works', (open) => {
  test('keeps the ISWC of the merged work as an archived ISWC, still found, with every claim kept', async () => {
    const context = testContext(await open());
    const { mergeWorks } = await import('../../src/registry/use-cases/merge-works.js');
    const dir = tempDir();
    await importWorksCsv(
      context,
      writeWorksCsv(dir, 'dupes.csv', [
        'M1,Night Train,T-034.524.680-1,human,human,human,CA,00014107338,LI Wei,100,100,100,,,,,,,,,CNRC10000011,Night Train,Li Wei',
        'M2,Night Train (Remix),T-123.456.789-4,human,human,human,CA,00000000297,MOREAU Claire,100,100,100,,,,,,,,,,,',
      ]),
      { submitter: cmo },
    );
    const result = await mergeWorks(context, 'T0345246801', 'T1234567894');
    assert.equal(result.in_dispute, true);
    const work = await showWork(context, 'T-123.456.789-4');
    assert.equal(work.work_id, result.kept);
    assert.equal(work.iswc, 'T0345246801');
    assert.deepEqual(work.archived_iswcs, ['T1234567894']);
    assert.equal(work.registrations.length, 2);
    assert.ok(work.alternate_titles.some((t) => t.title === 'Night Train (Remix)'));
    assert.equal((await searchWorks(context, 'T1234567894'))[0].work_id, result.kept);
    const byMergedWriter = await searchWorks(context, 'moreau');
    assert.deepEqual(byMergedWriter.map((hit) => [hit.work_id, hit.matched_by]), [[result.kept, 'creator']]);
    assert.deepEqual([...byMergedWriter[0].creators].sort(), ['LI Wei', 'MOREAU Claire']);
    await assert.rejects(showWork(context, result.merged), { code: 'CLEF_NOT_FOUND' });
  });
});

describeEachEngine('releases', (open) => {
  test('puts recordings on the release their rows name, found again by ICPN', async () => {
    const context = testContext(await open());
    const path = join(tempDir(), 'release.csv');
    writeFileSync(
      path,
      'submitter_work_number,title,party1_role,party1_name,party1_pr_share,party1_mr_share,isrc,recording_title,icpn,release_title,track_number\n' +
        'R1,First Song,CA,Li Wei,100,100,CNA1M2600101,First Song,4006381333931,The Album,1\n' +
        'R2,Second Song,CA,Li Wei,100,100,CNA1M2600102,Second Song,4006381333931,The Album,\n',
    );
    const summary = await importWorksCsv(context, path, { submitter: cmo });
    assert.equal(summary.created, 2, JSON.stringify(summary.findings));
    const second = await showWork(context, (await searchWorks(context, 'Second Song'))[0].work_id);
    assert.deepEqual(second.recordings[0].releases.map((r) => [r.icpn, r.title, r.track_number]), [['4006381333931', 'The Album', 2]]);
  });
});

describeEachEngine('member records against declared affiliations', (open) => {
  test('reports a declared society that contradicts the member records, and applies nothing', async () => {
    const context = testContext(await open());
    const { setSettings } = await import('../../src/registry/use-cases/settings.js');
    const { addMember, showMember } = await import('../../src/registry/use-cases/members.js');
    await setSettings(context, { societyCode: '119', currency: 'CNY' });
    await addMember(context, { ipiNameNumber: '00014107338', name: 'LI Wei', rights: 'PR;MR', territories: '2136', startDate: '2020-01-01' });
    const path = join(tempDir(), 'declared.csv');
    writeFileSync(path, 'submitter_work_number,title,party1_role,party1_ipi,party1_name,party1_pr_share,party1_mr_share,party1_pr_society\nD1,Declared Elsewhere,CA,00014107338,LI Wei,100,100,058\n');
    const summary = await importWorksCsv(context, path, { submitter: cmo });
    assert.equal(summary.created, 1, JSON.stringify(summary.findings));
    const conflict = summary.findings.find((f) => f.code === 'CLEF_REGISTRY_AFFILIATION_CONFLICT');
    assert.ok(conflict, JSON.stringify(summary.findings));
    assert.match(conflict.message, /058/);
    const member = await showMember(context, '00014107338');
    assert.deepEqual(member.rights, ['PR', 'MR']);
  });
});
