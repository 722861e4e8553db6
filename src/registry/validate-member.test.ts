import { test } from 'node:test';
import assert from 'node:assert/strict';
import { isClefError } from '../errors/clef-error.js';
import { loadLookups } from '../lookups/index.js';
import type { Member } from './member.js';
import { validateMember } from './validate-member.js';

const territories = loadLookups().territories;
const member: Member = { id: 'm1', partyId: 'p1', rights: ['PR', 'MR'], territories: [{ inclusion: 'I', tis: 2136 }], startDate: '2024-01-01' };
const refused = (bad: Partial<Member>, field: string) => () =>
  assert.throws(() => validateMember({ ...member, ...bad }, territories), (e) => isClefError(e, 'CLEF_MEMBER_INVALID') && e.location?.field === field);

test('accepts a running worldwide membership for PR and MR', () => {
  validateMember(member, territories);
  validateMember({ ...member, endDate: '2024-01-01' }, territories);
});

test('refuses a membership with no right', refused({ rights: [] }, 'rights'));
test('refuses a membership with a right that is not PR, MR or SR', refused({ rights: ['XR' as 'PR'] }, 'rights'));
test('refuses a membership with no territory', refused({ territories: [] }, 'territories'));
test('refuses a membership in an unknown territory', refused({ territories: [{ inclusion: 'I', tis: 9999 }] }, 'territories'));
test('refuses a start date that is not a calendar date', refused({ startDate: '2024-02-30' }, 'startDate'));
test('refuses a membership ending before it starts', refused({ endDate: '2023-12-31' }, 'endDate'));

