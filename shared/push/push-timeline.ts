// Where a push's time goes, in figures that do not depend on how fast or loaded the machine is: how many requests
// were in flight over time (the time at each level, and the slot time left idle), the journal saves (how many, how
// large, how long), and how much of the idle slot time fell while a save was outstanding. Wrap the push's transport
// and journal store with it; the benchmarks print `timings()`. It adds a few counters per request and per save.
import type { Transport } from '../api/transport.ts';
import type { JournalStore } from './journal.ts';

export interface PushTimings {
  requests: number;
  /** Sum of the requests' durations, from the transport's call to its answer. */
  requestMs: number;
  /** From the first request's start to the last answer. */
  wallMs: number;
  /** Milliseconds spent with 0, 1, 2… requests in flight (index = level), over wallMs. */
  inFlightMs: number[];
  /** Slot-milliseconds with fewer requests in flight than slots, while a journal save was outstanding, and not. */
  idleWhileSavingMs: number;
  idleOtherwiseMs: number;
  saves: number;
  /** Characters of journal JSON written, when the store reports them (`wrote`). */
  saveChars: number;
  /** Sum and longest of the saves' durations, from the call to the store's answer. */
  saveMs: number;
  longestSaveMs: number;
}

export class PushTimeline {
  private inFlight = 0;
  private saving = 0;
  private last = 0;
  private started = false;
  /** The figures as of the last answer: what came after (the last saves, the close) is not the sending's. */
  private atLastAnswer: PushTimings | null = null;
  private readonly t: PushTimings = {
    requests: 0, requestMs: 0, wallMs: 0, inFlightMs: [], idleWhileSavingMs: 0, idleOtherwiseMs: 0,
    saves: 0, saveChars: 0, saveMs: 0, longestSaveMs: 0,
  };

  constructor(
    /** The push's concurrency: what "idle" is measured against. */
    private readonly slots: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  transport(inner: Transport): Transport {
    return {
      send: async (requests) => {
        const began = this.change(() => (this.inFlight += requests.length));
        this.started = true;
        try {
          return await inner.send(requests);
        } finally {
          const ended = this.change(() => (this.inFlight -= requests.length));
          this.t.requests += requests.length;
          this.t.requestMs += (ended - began) * requests.length;
          this.atLastAnswer = this.snapshot();
        }
      },
    };
  }

  journal(inner: JournalStore): JournalStore {
    return {
      load: (key) => inner.load(key),
      clear: (key) => inner.clear(key),
      save: async (key, journal) => {
        const began = this.change(() => (this.saving += 1));
        try {
          await inner.save(key, journal);
        } finally {
          const took = this.change(() => (this.saving -= 1)) - began;
          this.t.saves += 1;
          this.t.saveMs += took;
          this.t.longestSaveMs = Math.max(this.t.longestSaveMs, took);
        }
      },
    };
  }

  /** Counts the characters of one save's JSON (for a store that serializes where the timeline can see it). */
  wrote(chars: number): void {
    this.t.saveChars += chars;
  }

  /** The sending's figures, from the first request to the last answer; saves are counted to the end. */
  timings(): PushTimings {
    const sending = this.atLastAnswer ?? this.snapshot();
    const { saves, saveChars, saveMs, longestSaveMs } = this.t;
    return { ...sending, saves, saveChars, saveMs, longestSaveMs };
  }

  private snapshot(): PushTimings {
    const inFlightMs = Array.from(this.t.inFlightMs, (ms) => ms ?? 0);
    return { ...this.t, inFlightMs, wallMs: inFlightMs.reduce((sum, ms) => sum + ms, 0) };
  }

  /** Accounts the time since the last change at the levels it had, then applies the change; returns the time. */
  private change(apply: () => void): number {
    const at = this.now();
    if (this.started) {
      const dt = at - this.last;
      const level = Math.max(0, this.inFlight);
      this.t.inFlightMs[level] = (this.t.inFlightMs[level] ?? 0) + dt;
      const idle = Math.max(0, this.slots - level) * dt;
      if (this.saving > 0) this.t.idleWhileSavingMs += idle;
      else this.t.idleOtherwiseMs += idle;
    }
    this.last = at;
    apply();
    return at;
  }
}
