import type { Finding } from '../../errors/finding.js';
import { isEmptyTerritorySet, resolveTerritories, type Lookups, type TerritoryStep } from '../../lookups/index.js';
import type { CwrLayoutTable } from './cwr-layout.js';
import { cwrFinding } from './cwr-finding.js';
import type { CwrRecord } from './parse-cwr-record.js';
import type { CwrTransaction } from './read-cwr-transactions.js';

const rights = ['PR', 'MR', 'SR'] as const;
const ownershipFields = rights.map((right) => `${right} Ownership Share`);
const collectionFields = rights.map((right) => `${right} Collection Share`);
const fullShare = 10000;
/** CWR accepts ownership totals within ±0.06 % of 100 %. */
const tolerance = 6;
const ownershipTransactions = new Set(['NWR', 'REV']);
const partyTypes = new Set(['SPU', 'OPU', 'SWR', 'OWR']);
const territoryTypes = new Set(['SPT', 'OPT', 'SWT', 'OWT']);
/** Which records a detail record must follow inside a transaction (CWR record order). */
const mustFollow: Readonly<Record<string, ReadonlySet<string>>> = {
  SPT: new Set(['SPU', 'OPU', 'SPT', 'OPT', 'NPN']),
  OPT: new Set(['SPU', 'OPU', 'SPT', 'OPT', 'NPN']),
  SWT: new Set(['SWR', 'OWR', 'SWT', 'OWT', 'NWN']),
  OWT: new Set(['SWR', 'OWR', 'SWT', 'OWT', 'NWN']),
  PWR: new Set(['SWR', 'OWR', 'SWT', 'OWT', 'NWN', 'PWR']),
  NPN: new Set(['SPU', 'OPU', 'SPT', 'OPT']),
  NWN: new Set(['SWR', 'OWR', 'SWT', 'OWT']),
};

function fieldOf(layouts: CwrLayoutTable, record: CwrRecord, name: string): { name: string; start: number } {
  return layouts[record.recordType]?.find((f) => f.name === name) ?? { name, start: 1 };
}

function shareOf(value: string | undefined): number | undefined {
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : undefined;
}

/**
 * Checks what spans the records of one transaction: record sequence numbers and order, collection shares
 * at most 100 %, ownership totals per right of 100 % (±0.06 %) or 0 in 2.x works, and that each party's SPT/SWT
 * include/exclude chain leaves it some territory.
 */
export function checkCwrTransaction(transaction: CwrTransaction, layouts: CwrLayoutTable, lookups: Lookups, file: string | undefined, out: Finding[]): void {
  const { records } = transaction;
  const header = records[0];
  const transactionSequence = header.text.slice(3, 11);
  const totals = [0, 0, 0];
  let chain: { steps: (TerritoryStep & { sequence: number })[]; last: CwrRecord; party: string } | undefined;
  const closeChain = (): void => {
    if (chain && chain.steps.length > 0) {
      const steps = chain.steps;
      const ordered = steps.every((s, i) => i === 0 || steps[i - 1].sequence <= s.sequence) ? steps : [...steps].sort((a, b) => a.sequence - b.sequence);
      if (isEmptyTerritorySet(resolveTerritories(lookups.territories, ordered))) {
        const described = ordered.map((s) => `${s.inclusion}${s.tis}`).join(', ');
        const tisField = chain.last.get('TIS Numeric Code') !== undefined ? 'TIS Numeric Code' : 'Territory Code';
        out.push(cwrFinding('CLEF_CWR_TERRITORY_NONE', 'TR', `the territory chain of party '${chain.party}' (${described}) leaves it no territory`, chain.last, file, fieldOf(layouts, chain.last, tisField)));
      }
    }
    chain = undefined;
  };
  records.forEach((record, index) => {
    const type = record.recordType;
    // Every record of a transaction starts with the same prefix: type (3), transaction sequence # (8), record sequence # (8).
    const recordSequence = record.text.slice(11, 19);
    if (record.layout.length > 0 && (!/^\d{8}$/.test(recordSequence) || Number(recordSequence) !== index)) {
      out.push(cwrFinding('CLEF_CWR_SEQUENCE', 'TR', `record sequence # should be ${index}, found '${recordSequence.trimEnd()}'`, record, file, { name: 'Record Sequence #', start: 12 }));
    }
    if (index > 0 && record.layout.length > 0 && record.text.slice(3, 11) !== transactionSequence) {
      out.push(cwrFinding('CLEF_CWR_SEQUENCE', 'TR', `transaction sequence # should be '${transactionSequence}' as in the ${header.recordType} record, found '${record.text.slice(3, 11).trimEnd()}'`, record, file, { name: 'Transaction Sequence #', start: 4 }));
    }
    const previous = records[index - 1]?.recordType;
    const allowedAfter = mustFollow[type];
    if (allowedAfter && transaction.transactionType !== 'ACK' && !allowedAfter.has(previous ?? '')) {
      out.push(cwrFinding('CLEF_CWR_RECORD_ORDER', 'RR', `${type} must follow one of ${[...allowedAfter].join(', ')}, not ${previous}`, record, file));
    }
    if (partyTypes.has(type)) {
      closeChain();
      chain = { steps: [], last: record, party: record.get('Interested Party #') ?? record.get('Interested Party Number') ?? '' };
      if (ownershipTransactions.has(transaction.transactionType)) {
        for (let r = 0; r < 3; r++) totals[r] += shareOf(record.get(ownershipFields[r])) ?? 0;
      }
    } else if (territoryTypes.has(type)) {
      for (const name of collectionFields) {
        const share = shareOf(record.get(name));
        if (share !== undefined && share > fullShare) {
          out.push(cwrFinding('CLEF_CWR_SHARE_INVALID', 'TR', `'${name}' is over 100 %: ${record.get(name)}`, record, file, fieldOf(layouts, record, name)));
        }
      }
      const tis = Number(record.get('TIS Numeric Code') ?? record.get('Territory Code'));
      const indicator = record.get('Inclusion/Exclusion Indicator');
      const sequence = Number(record.get('Sequence #') ?? record.get('Sequence Number'));
      if (chain && (indicator === 'I' || indicator === 'E') && lookups.territories.members.has(tis)) {
        chain.steps.push({ inclusion: indicator, tis, sequence });
        chain.last = record;
      }
    } else if (type !== 'PWR' && type !== 'NPN' && type !== 'NWN') {
      closeChain();
    }
  });
  closeChain();
  if (ownershipTransactions.has(transaction.transactionType)) {
    rights.forEach((right, r) => {
      const total = totals[r];
      if (total !== 0 && Math.abs(total - fullShare) > tolerance) {
        out.push(cwrFinding('CLEF_CWR_SHARE_TOTAL', 'TR', `${right} ownership shares add up to ${(total / 100).toFixed(2)} %, not 100 % (±0.06 %) or 0`, header, file));
      }
    });
  }
}
