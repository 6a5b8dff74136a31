// Where each value first appeared, ignoring case: an open-addressing hash table over typed arrays, hashing and
// case-checking each value in one pass, and comparing stored hashes before strings. Faster than a
// Map<string, number> on 100,000 distinct emails, which matters in the row pipeline. It grows as values come,
// so the row loop can ask about each email while it is at hand.

const EMPTY = -1;

export class FirstOccurrences {
  /** slot → entry, or EMPTY */
  private slots = new Int32Array(1024).fill(EMPTY);
  private mask = 1023;
  /** Per entry: its key (lower-cased when needed), the key's hash, and the id it was added with. */
  private keys: string[] = [];
  private hashes = new Int32Array(256);
  private ids = new Int32Array(256);

  /** The id given with the earlier value equal to `value` ignoring case, or -1 (then `value` is kept, with `id`). */
  add(value: string, id: number): number {
    let key = value;
    // FNV-1a over the characters, watching for any that lower-casing could change
    let h = 0x811c9dc5;
    for (let j = 0; j < key.length; j++) {
      const c = key.charCodeAt(j);
      if ((c >= 65 && c <= 90) || c > 127) {
        key = key.toLowerCase();
        h = 0x811c9dc5;
        for (let i = 0; i < key.length; i++) h = Math.imul(h ^ key.charCodeAt(i), 16777619);
        break;
      }
      h = Math.imul(h ^ c, 16777619);
    }
    const slots = this.slots;
    const mask = this.mask;
    let slot = h & mask;
    for (;;) {
      const at = slots[slot]!;
      if (at === EMPTY) break;
      if (this.hashes[at] === h && this.keys[at] === key) return this.ids[at]!;
      slot = (slot + 1) & mask;
    }
    const entry = this.keys.length;
    if (entry === this.hashes.length) this.growEntries();
    this.keys.push(key);
    this.hashes[entry] = h;
    this.ids[entry] = id;
    slots[slot] = entry;
    // keep the table at most half full
    if ((entry + 1) * 2 > mask) this.growSlots();
    return -1;
  }

  private growEntries(): void {
    const hashes = new Int32Array(this.hashes.length * 2);
    hashes.set(this.hashes);
    this.hashes = hashes;
    const ids = new Int32Array(this.ids.length * 2);
    ids.set(this.ids);
    this.ids = ids;
  }

  private growSlots(): void {
    const capacity = this.slots.length * 2;
    const mask = capacity - 1;
    const slots = new Int32Array(capacity).fill(EMPTY);
    for (let entry = 0; entry < this.keys.length; entry++) {
      let slot = this.hashes[entry]! & mask;
      while (slots[slot] !== EMPTY) slot = (slot + 1) & mask;
      slots[slot] = entry;
    }
    this.slots = slots;
    this.mask = mask;
  }
}

/** Returns, per index, the index of the earlier value equal to it ignoring case, or -1. Non-strings never match. */
export function firstOccurrencesIgnoringCase(values: readonly unknown[]): Int32Array {
  const finder = new FirstOccurrences();
  const earlier = new Int32Array(values.length).fill(-1);
  for (let i = 0; i < values.length; i++) {
    const value = values[i];
    if (typeof value === 'string') earlier[i] = finder.add(value, i);
  }
  return earlier;
}
