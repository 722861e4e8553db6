import assert from 'node:assert/strict';
import { runClef } from '../cli/run-clef.js';
import { describeEachEngine, test } from '../support/engines.js';
import { januaryReport, preparedLocation } from './distribution-setup.js';

describeEachEngine('separation of duties for reserve claims', (_open, _engine, location) => {
  test('the one who made a claim cannot approve it; someone else can, and the claim and its history show both', async () => {
    const db = await preparedLocation(location, [januaryReport()]);
    const clef = async (...args: string[]) => runClef([...args, '--db', db]);
    assert.equal((await clef('distribute', '--period', '2025-01')).status, 0);
    const [held] = JSON.parse((await clef('reserves', 'list', 'non_member', '--json')).stdout) as { party_id: string }[];
    const made = await clef('reserves', 'claim', 'non_member', '--party', held.party_id, '--amount', '0.5', '--evidence', 'signed up', '--as', 'alice', '--json');
    assert.equal(made.status, 0, made.stderr);
    const claimId = JSON.parse(made.stdout).claim_id as string;
    const self = await clef('reserves', 'approve', claimId, '--as', 'alice');
    assert.equal(self.status, 1);
    assert.match(self.stderr, new RegExp(`CLEF_DISTRIBUTION_CLAIM_SELF_APPROVAL: .*claim ${claimId} was made by alice`));
    const [pending] = JSON.parse((await clef('reserves', 'claims', '--json')).stdout);
    assert.equal(pending.status, 'pending', 'a refused approval changes nothing');
    const approved = await clef('reserves', 'approve', claimId, '--as', 'bob', '--json');
    assert.equal(approved.status, 0, approved.stderr);
    assert.deepEqual(((c) => [c.status, c.actor, c.decided_by])(JSON.parse(approved.stdout)), ['approved', 'alice', 'bob']);
    const history = JSON.parse((await clef('history', claimId, '--json')).stdout) as { actor: string; action: string }[];
    assert.deepEqual(history.map((h) => [h.actor, h.action]), [['alice', 'claim'], ['bob', 'approve']]);
  });
});
