// Progress of a push as people want it: rows done of the total, the sending rate, and the time left at that rate.
// Rows that need no request (unchanged, skipped) count as done at once but not in the rate.
import type { PushProgress } from './types.ts';

export class ProgressMeter {
  private readonly started: number;
  private answered = 0;

  constructor(
    private readonly total: number,
    private readonly toSend: number,
    private readonly now: () => number,
  ) {
    this.started = now();
  }

  /** Counts answered requests (rows sent and answered). */
  answer(count: number): void {
    this.answered += count;
  }

  report(done: number): PushProgress {
    const seconds = (this.now() - this.started) / 1000;
    const ratePerSec = seconds > 0 ? this.answered / seconds : 0;
    const left = Math.max(0, this.toSend - this.answered);
    const etaSec = left === 0 ? 0 : ratePerSec > 0 ? left / ratePerSec : null;
    return { done, total: this.total, ratePerSec, etaSec };
  }
}
