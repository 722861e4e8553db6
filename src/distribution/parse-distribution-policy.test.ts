import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { poolRules } from './distribution-policy.js';
import { parseDistributionPolicy } from './parse-distribution-policy.js';

const defaultPolicyText = readFileSync(fileURLToPath(new URL('../../data/policies/default-1.json', import.meta.url)), 'utf8');

test('reads the default policy: 15 % commission, PR and MR half each, AI-generated works reserved, 36 months held', () => {
  const policy = parseDistributionPolicy(JSON.parse(defaultPolicyText));
  assert.equal(policy.version, 'default-1');
  assert.equal(policy.commissionBasisPoints, 1500n);
  assert.deepEqual(policy.rightsSplit, { PR: 5000n, MR: 5000n });
  assert.deepEqual(policy.aiGenerated, { treatment: 'reserve' });
  assert.equal(policy.holdingPeriodMonths, 36);
});

test('applies overrides from the least to the most specific whatever their order in the file', () => {
  const policy = parseDistributionPolicy({
    ...JSON.parse(defaultPolicyText),
    overrides: [
      { dsp: 'D1', useType: 'Stream', commissionBasisPoints: 1000 },
      { dsp: 'D1', commissionBasisPoints: 1200, aiGenerated: { treatment: 'rate', rateBasisPoints: 5000 } },
      { commercialModel: 'AdSupported', rightsSplit: { PR: 7000, MR: 3000 } },
    ],
  });
  const stream = poolRules(policy, { dsp: 'D1', commercialModel: 'AdSupported', useType: 'Stream' });
  assert.equal(stream.commissionBasisPoints, 1000n);
  assert.deepEqual(stream.rightsSplit, { PR: 7000n, MR: 3000n });
  assert.deepEqual(stream.aiGenerated, { treatment: 'rate', rateBasisPoints: 5000n });
  assert.equal(poolRules(policy, { dsp: 'D1', commercialModel: null, useType: 'Download' }).commissionBasisPoints, 1200n);
  assert.equal(poolRules(policy, { dsp: 'D2', commercialModel: null, useType: 'Stream' }).commissionBasisPoints, 1500n);
});

test('refuses a split that does not make 100 %, an unknown right or treatment, and a commission over 100 %', () => {
  const base = JSON.parse(defaultPolicyText);
  for (const [change, field] of [
    [{ rightsSplit: { PR: 5000, MR: 4000 } }, /rightsSplit/],
    [{ rightsSplit: { PR: 5000, XR: 5000 } }, /XR/],
    [{ aiGenerated: { treatment: 'ignore' } }, /treatment/],
    [{ commissionBasisPoints: 10_001 }, /commissionBasisPoints/],
    [{ version: '' }, /version/],
  ] as const) {
    assert.throws(() => parseDistributionPolicy({ ...base, ...change }), { code: 'CLEF_DISTRIBUTION_POLICY_INVALID', message: field });
  }
});
