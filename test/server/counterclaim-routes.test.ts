import assert from 'node:assert/strict';
import { importWorksCwr } from '../../src/registry/use-cases/import-works-cwr.js';
import { writeCwrTestFile, type WorkSpec } from '../cwr/cwr-generator.js';
import { describeEachEngine, test } from '../support/engines.js';
import { tempDir } from '../support/temp-dir.js';
import { bearer, setUpPortal, type PortalFixture } from './portal-fixture.js';

const claim = (publisher: { ip: string; name: string; ipi: string }, number: string): WorkSpec => ({
  number, title: 'CONTESTED', iswc: 'T0345246801',
  publishers: [{ ...publisher, society: '052', type: 'E', chain: 1, ownership: [5000, 5000, 5000] }],
  writers: [{ ip: 'W1', lastName: 'LI', firstName: 'WEI', ipi: '00014107338', society: '052', ownership: [5000, 5000, 5000], publisherIp: publisher.ip }],
});

describeEachEngine('counterclaims over the API', (open) => {
  let f: PortalFixture;
  test.before(async () => {
    f = await setUpPortal(await open());
    const dir = tempDir();
    for (const [publisher, number, name] of [[{ ip: 'P1', name: 'STARLIGHT MUSIC', ipi: '00000000199' }, 'S1', 'CW250001AAA_000.V21'], [{ ip: 'R1', name: 'RIVAL MUSIC', ipi: '00000000297' }, 'R1', 'CW250001BBB_000.V21']] as const) {
      await importWorksCwr(f.context, await writeCwrTestFile(dir, name, { senderIpi: publisher.ipi, senderName: publisher.name, works: [claim(publisher, number)] }));
    }
  });

  test('staff list every counterclaim or one submitter\'s, a member only those on its own registrations, others are refused', async () => {
    const all = await f.app.inject({ method: 'GET', url: '/api/counterclaims', headers: bearer(f.tokens.admin) });
    assert.equal(all.statusCode, 200, all.body);
    const listed = all.json() as { counterclaim_id: string; status: string; registrations: { submitter_work_number: string }[] }[];
    const contested = listed.find((c) => c.registrations.some((r) => r.submitter_work_number === 'S1'));
    assert.deepEqual(contested && [contested.status, contested.registrations.map((r) => r.submitter_work_number)], ['open', ['S1', 'R1']]);
    const rival = await f.app.inject({ method: 'GET', url: '/api/counterclaims?submitter=00000000297', headers: bearer(f.tokens.admin) });
    assert.deepEqual((rival.json() as { counterclaim_id: string }[]).map((c) => c.counterclaim_id), [contested!.counterclaim_id]);
    const stranger = await f.app.inject({ method: 'GET', url: '/api/counterclaims?submitter=00000000395', headers: bearer(f.tokens.admin) });
    assert.deepEqual(stranger.json(), []);
    const member = await f.app.inject({ method: 'GET', url: '/api/counterclaims', headers: bearer(f.tokens.liWei) });
    assert.equal(member.statusCode, 200);
    assert.ok(!(member.json() as { counterclaim_id: string }[]).some((c) => c.counterclaim_id === contested!.counterclaim_id), 'LI Wei submitted neither registration');
    assert.equal((await f.app.inject({ method: 'GET', url: '/api/counterclaims' })).statusCode, 401);
    assert.equal((await f.app.inject({ method: 'GET', url: '/api/counterclaims', headers: bearer(f.tokens.dsp) })).statusCode, 403);
  });

  test('only staff resolve, with keep or shares but not both; a resolved counterclaim is not resolved twice', async () => {
    const [counterclaim] = (await f.app.inject({ method: 'GET', url: '/api/counterclaims?submitter=00000000199', headers: bearer(f.tokens.admin) })).json() as { counterclaim_id: string; registrations: { registration_id: string }[] }[];
    const url = `/api/counterclaims/${counterclaim.counterclaim_id}/resolution`;
    const keep = { keep: counterclaim.registrations[0].registration_id };
    assert.equal((await f.app.inject({ method: 'POST', url, payload: keep })).statusCode, 401);
    for (const token of [f.tokens.liWei, f.tokens.dsp, f.tokens.licensee]) assert.equal((await f.app.inject({ method: 'POST', url, headers: bearer(token), payload: keep })).statusCode, 403);
    const both = await f.app.inject({ method: 'POST', url, headers: bearer(f.tokens.admin), payload: { ...keep, shares: ['PR:00000000199=50'] } });
    assert.equal(both.statusCode, 400);
    assert.equal(both.json().code, 'CLEF_SERVER_REQUEST_INVALID');
    const resolved = await f.app.inject({ method: 'POST', url, headers: bearer(f.tokens.admin), payload: keep });
    assert.equal(resolved.statusCode, 200, resolved.body);
    assert.equal(resolved.json().kept, keep.keep);
    assert.ok(Array.isArray(resolved.json().released));
    const listed = (await f.app.inject({ method: 'GET', url: '/api/counterclaims?submitter=00000000199', headers: bearer(f.tokens.admin) })).json() as { status: string }[];
    assert.deepEqual(listed.map((c) => c.status), ['resolved']);
    const again = await f.app.inject({ method: 'POST', url, headers: bearer(f.tokens.admin), payload: keep });
    assert.equal(again.statusCode, 400);
    assert.equal(again.json().code, 'CLEF_USAGE_INVALID_ARGUMENT');
  });
});
