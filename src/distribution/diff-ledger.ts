import { ledgerEntryKey, type LedgerEntry } from './ledger-entry.js';

/**
 * The bookings an adjustment run makes: for every account, party, work, recording and right, what the
 * recomputation gives minus what was booked before (the earlier runs' entries summed), leaving out what did not
 * change. Booked usages move the same way. After no change it books nothing.
 */
export function diffLedger(booked: Iterable<LedgerEntry>, recomputed: Iterable<LedgerEntry>): LedgerEntry[] {
  const totals = new Map<string, { entry: LedgerEntry; amountMicros: bigint; usages: bigint }>();
  const add = (entry: LedgerEntry, sign: bigint): void => {
    const key = ledgerEntryKey(entry);
    const current = totals.get(key) ?? { entry, amountMicros: 0n, usages: 0n };
    current.amountMicros += sign * entry.amountMicros;
    current.usages += sign * entry.usages;
    totals.set(key, current);
  };
  for (const entry of booked) add(entry, -1n);
  for (const entry of recomputed) add(entry, 1n);
  return [...totals.keys()]
    .sort()
    .map((key) => totals.get(key)!)
    .filter((t) => t.amountMicros !== 0n || t.usages !== 0n)
    .map((t) => ({ ...t.entry, amountMicros: t.amountMicros, usages: t.usages }));
}
