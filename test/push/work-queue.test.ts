// The executor's queue: front-first taking, items put at the front and back, and no loss across compaction.
import { describe, expect, it } from 'vitest';
import { WorkQueue } from '../../shared/push/work-queue.ts';

describe('WorkQueue', () => {
  it('takes in order, puts follow-ups and items put back first, and peeks without taking', () => {
    const q = new WorkQueue([1, 2, 3, 4, 5]);
    expect(q.take(2)).toEqual([1, 2]);
    q.pushFront(10);
    q.putBack([20, 21]);
    q.push(6);
    expect(q.length).toBe(7);
    expect(q.peek(4)).toEqual([20, 21, 10, 3]);
    expect(q.take(4)).toEqual([20, 21, 10, 3]);
    expect(q.drain()).toEqual([4, 5, 6]);
    expect(q.length).toBe(0);
    expect(q.take(3)).toEqual([]);
  });

  it('keeps every item through compaction of a long queue', () => {
    const q = new WorkQueue(Array.from({ length: 5000 }, (_, i) => i));
    const seen: number[] = [];
    for (let batch = q.take(7); batch.length > 0; batch = q.take(7)) {
      seen.push(...batch);
      if (seen.length === 2100) q.push(5000);
    }
    expect(seen).toEqual(Array.from({ length: 5001 }, (_, i) => i));
  });
});
