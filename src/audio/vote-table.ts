/**
 * Counts votes per integer key in typed arrays (open addressing), remembering the order in which keys were
 * first seen, so ties are broken exactly as a `Map` would break them. Reused across transforms of a query:
 * `clear` costs nothing, a generation stamp marks the live slots.
 */
export class VoteTable {
  private keys = new Int32Array(0);
  private counts = new Int32Array(0);
  private stamps = new Uint32Array(0);
  private order = new Int32Array(0);
  private mask = 0;
  private generation = 0;
  /** Number of distinct keys since the last `clear`. */
  size = 0;

  /** Empties the table and makes room for at least `expected` distinct keys without growing. */
  clear(expected: number): void {
    const wanted = Math.max(64, expected * 2);
    if (wanted > this.keys.length) this.allocate(nextPowerOfTwo(wanted));
    this.generation++;
    this.size = 0;
  }

  /** Adds one vote for `key`. */
  add(key: number): void {
    let slot = this.slotOf(key);
    if (this.stamps[slot] !== this.generation) {
      if (this.size * 2 >= this.keys.length) {
        this.grow();
        slot = this.slotOf(key);
      }
      this.stamps[slot] = this.generation;
      this.keys[slot] = key;
      this.counts[slot] = 0;
      this.order[this.size++] = slot;
    }
    this.counts[slot]++;
  }

  /** Votes for `key` (0 when it has none). */
  get(key: number): number {
    const slot = this.slotOf(key);
    return this.stamps[slot] === this.generation ? this.counts[slot] : 0;
  }

  /** The `n`-th distinct key in first-seen order. */
  keyAt(n: number): number {
    return this.keys[this.order[n]];
  }

  /** The votes of the `n`-th distinct key in first-seen order. */
  countAt(n: number): number {
    return this.counts[this.order[n]];
  }

  /** The slot of `key`: its own when present, else the empty slot where it would go. */
  private slotOf(key: number): number {
    let slot = Math.imul(key, 0x9e3779b1) >>> 0;
    slot = (slot ^ (slot >>> 15)) & this.mask;
    while (this.stamps[slot] === this.generation && this.keys[slot] !== key) slot = (slot + 1) & this.mask;
    return slot;
  }

  private allocate(capacity: number): void {
    this.keys = new Int32Array(capacity);
    this.counts = new Int32Array(capacity);
    this.stamps = new Uint32Array(capacity);
    this.order = new Int32Array(capacity);
    this.mask = capacity - 1;
    this.generation = 0;
  }

  private grow(): void {
    const keys: number[] = [];
    const counts: number[] = [];
    for (let n = 0; n < this.size; n++) {
      keys.push(this.keyAt(n));
      counts.push(this.countAt(n));
    }
    this.allocate(this.keys.length * 2);
    this.generation = 1;
    this.size = 0;
    for (let n = 0; n < keys.length; n++) {
      const slot = this.slotOf(keys[n]);
      this.stamps[slot] = this.generation;
      this.keys[slot] = keys[n];
      this.counts[slot] = counts[n];
      this.order[this.size++] = slot;
    }
  }
}

function nextPowerOfTwo(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}
