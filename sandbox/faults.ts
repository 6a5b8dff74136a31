// Fault injection, off by default: latency, a share of 500s and of 429s answered before the request is
// processed, connection resets after it was processed, slow list pages. With a faultSeed every request
// draws the same three numbers in the same order, so a run repeats exactly.
import type { FaultOptions } from './options.ts';
import { mulberry32, type Random } from './seed/prng.ts';

export interface FaultDraw {
  error: boolean;
  rateLimit: boolean;
  reset: boolean;
}

export class FaultInjector {
  private options: FaultOptions = {};
  private random: Random = Math.random;

  constructor(options: FaultOptions = {}) {
    this.set(options);
  }

  set(options: FaultOptions): void {
    for (const key of ['errorRate', 'rateLimitRate', 'resetRate'] as const) {
      const rate = options[key];
      if (rate !== undefined && !(rate >= 0 && rate <= 1)) throw new RangeError(`${key} must be between 0 and 1, got ${rate}`);
    }
    this.options = { ...options };
    this.random = options.faultSeed === undefined ? Math.random : mulberry32(options.faultSeed);
  }

  get current(): Readonly<FaultOptions> {
    return this.options;
  }

  get latencyMs(): number {
    return this.options.latencyMs ?? 0;
  }

  get slowPageMs(): number {
    return this.options.slowPageMs ?? 0;
  }

  get retryAfterSeconds(): number {
    return this.options.retryAfterSeconds ?? 1;
  }

  /** One draw per API request; always three numbers, so enabling one fault does not shift the others. */
  draw(): FaultDraw {
    const [a, b, c] = [this.random(), this.random(), this.random()];
    return {
      error: a < (this.options.errorRate ?? 0),
      rateLimit: b < (this.options.rateLimitRate ?? 0),
      reset: c < (this.options.resetRate ?? 0),
    };
  }
}
