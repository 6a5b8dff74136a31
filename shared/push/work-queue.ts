// The executor's queue of requests to send: taken from the front a window at a time, added to at the back (creates
// found absent after a lost answer) and at the front (the second request of a create). A head index instead of
// Array.shift/splice keeps taking O(1), so a 100,000-row push does not spend its time moving array elements.

export class WorkQueue<T> {
  private items: T[];
  private head = 0;
  /** Items put at the front, most recent last. */
  private readonly urgent: T[] = [];

  constructor(items: readonly T[] = []) {
    this.items = [...items];
  }

  get length(): number {
    return this.urgent.length + this.items.length - this.head;
  }

  push(item: T): void {
    this.items.push(item);
  }

  pushFront(item: T): void {
    this.urgent.push(item);
  }

  /** Removes and returns up to `count` items from the front. */
  take(count: number): T[] {
    const taken: T[] = [];
    while (taken.length < count && this.urgent.length > 0) taken.push(this.urgent.pop()!);
    while (taken.length < count && this.head < this.items.length) taken.push(this.items[this.head++]!);
    if (this.head > 1024 && this.head * 2 > this.items.length) {
      this.items = this.items.slice(this.head);
      this.head = 0;
    }
    return taken;
  }

  /** Puts items taken but not sent back at the front, in their order. */
  putBack(items: readonly T[]): void {
    for (let i = items.length - 1; i >= 0; i--) this.urgent.push(items[i]!);
  }

  /** Up to `count` items from the front, left in the queue. */
  peek(count: number): T[] {
    const seen = this.urgent.slice(-count).reverse();
    return seen.concat(this.items.slice(this.head, this.head + Math.max(0, count - seen.length)));
  }

  /** Every item still queued, front first; the queue is left empty. */
  drain(): T[] {
    const all = this.take(this.length);
    this.items = [];
    this.head = 0;
    return all;
  }
}
