import { ledgerEntryKey, type LedgerEntry } from './ledger-entry.js';

/** Sums bookings with the same account, party, work, recording and right, and lists them in key order. */
export class LedgerAccumulator {
  readonly #entries = new Map<string, { entry: Omit<LedgerEntry, 'amountMicros' | 'usages'>; amountMicros: bigint; usages: bigint }>();

  /** Adds an amount (and the usages behind it) to its entry. */
  book(entry: LedgerEntry): void {
    const key = ledgerEntryKey(entry);
    const current = this.#entries.get(key);
    if (current) {
      current.amountMicros += entry.amountMicros;
      current.usages += entry.usages;
    } else {
      const { amountMicros, usages, ...rest } = entry;
      this.#entries.set(key, { entry: rest, amountMicros, usages });
    }
  }

  /** The summed entries ordered by key, so the result does not depend on the order they were booked in. */
  entries(): LedgerEntry[] {
    return [...this.#entries.keys()].sort().map((key) => {
      const { entry, amountMicros, usages } = this.#entries.get(key)!;
      return { ...entry, amountMicros, usages };
    });
  }
}
