import assert from 'node:assert/strict';
import { test } from 'node:test';
import { summaryRightsSplit } from './summary-rights-split.js';

const policy = { PR: 5000n, MR: 5000n };

test('gives the summary\'s rights type its percentage and the other rights the rest', () => {
  assert.deepEqual(summaryRightsSplit('MechanicalRight', '30', policy), { MR: 3000n, PR: 7000n });
  assert.deepEqual(summaryRightsSplit('PerformingRight', '100', policy), { PR: 10000n, MR: 0n });
  assert.deepEqual(summaryRightsSplit('PerformingRight', null, policy), { PR: 10000n, MR: 0n });
  assert.deepEqual(summaryRightsSplit('PerformingRight', '62.5', { PR: 2000n, MR: 3000n, SR: 5000n }), { PR: 6250n, MR: 1406n, SR: 2344n });
});

test('leaves the policy split in force when the summary names no right Clef pays or an unreadable percentage', () => {
  assert.equal(summaryRightsSplit(null, '100', policy), null);
  assert.equal(summaryRightsSplit('SynchronizationRight', '100', policy), null);
  assert.equal(summaryRightsSplit('PerformingRight', '120', policy), null);
  assert.equal(summaryRightsSplit('PerformingRight', 'abc', policy), null);
});
