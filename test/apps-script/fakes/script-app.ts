// ScriptApp's installable time-driven triggers, as Google documents them for editor add-ons: a trigger
// belongs to the Google account that created it (getUserTriggers shows that account its own triggers of
// this spreadsheet only; nobody sees another's), runs as that account, at most once an hour, and an
// add-on may hold one trigger of each type per user per document. everyHours takes 1, 2, 4, 6, 8 or 12.
// _fire runs what is due, the way Apps Script starts a trigger: as its owner, with a time-driven event.
import { CallCounter, instrument } from './call-counter.ts';

export enum EventType { CLOCK = 'CLOCK', ON_OPEN = 'ON_OPEN', ON_EDIT = 'ON_EDIT' }
export enum TriggerSource { CLOCK = 'CLOCK', SPREADSHEETS = 'SPREADSHEETS' }
export enum AuthMode { NONE = 'NONE', LIMITED = 'LIMITED', FULL = 'FULL' }

const HOURS = new Set([1, 2, 4, 6, 8, 12]);

export class FakeTrigger {
  constructor(
    readonly _counter: CallCounter,
    readonly _id: string,
    readonly _handler: string,
    readonly _owner: string,
    readonly _every: { hours?: number; days?: number },
  ) {}
  getUniqueId(): string { return this._id; }
  getHandlerFunction(): string { return this._handler; }
  getEventType(): EventType { return EventType.CLOCK; }
  getTriggerSource(): TriggerSource { return TriggerSource.CLOCK; }
  getTriggerSourceId(): string { return ''; }
}

export class FakeClockTriggerBuilder {
  private every: { hours?: number; days?: number } = {};
  constructor(readonly _counter: CallCounter, private readonly app: FakeScriptApp, private readonly handler: string) {}
  everyMinutes(_n: number): this {
    throw new Error('Exception: Add-ons may not create time-based triggers that run more often than once an hour.');
  }
  everyHours(n: number): this {
    if (!HOURS.has(n)) throw new Error('Exception: The value passed to everyHours must be 1, 2, 4, 6, 8 or 12.');
    this.every = { hours: n };
    return this;
  }
  everyDays(n: number): this {
    if (!Number.isInteger(n) || n < 1) throw new Error('Exception: Invalid argument: everyDays');
    this.every = { days: n };
    return this;
  }
  atHour(hour: number): this {
    if (!Number.isInteger(hour) || hour < 0 || hour > 23) throw new Error('Exception: Invalid argument: atHour');
    return this;
  }
  nearMinute(_minute: number): this { return this; }
  inTimezone(_timezone: string): this { return this; }
  create(): FakeTrigger { return this.app._create(this.handler, this.every); }
}

export class FakeTriggerBuilder {
  constructor(readonly _counter: CallCounter, private readonly app: FakeScriptApp, private readonly handler: string) {}
  timeBased(): FakeClockTriggerBuilder { return new FakeClockTriggerBuilder(this._counter, this.app, this.handler); }
}

export class FakeScriptApp {
  readonly EventType = EventType;
  readonly TriggerSource = TriggerSource;
  readonly AuthMode = AuthMode;
  _triggers: FakeTrigger[] = [];
  private nextId = 1;

  constructor(readonly _counter: CallCounter, private readonly activeUser: () => string) {}

  newTrigger(functionName: string): FakeTriggerBuilder {
    if (typeof functionName !== 'string' || functionName === '') throw new Error('Exception: Invalid argument: functionName');
    return new FakeTriggerBuilder(this._counter, this, functionName);
  }
  /** The running account's triggers: another account's are never shown. */
  getUserTriggers(_spreadsheet: unknown): FakeTrigger[] { return this._triggers.filter((t) => t._owner === this.activeUser()); }
  getProjectTriggers(): FakeTrigger[] { return this.getUserTriggers(null); }
  deleteTrigger(trigger: FakeTrigger): void {
    // Only the owner can see, and so delete, a trigger.
    if (trigger._owner !== this.activeUser()) throw new Error('Exception: The trigger could not be found.');
    this._triggers = this._triggers.filter((t) => t._id !== trigger._id);
  }

  _create(handler: string, every: { hours?: number; days?: number }): FakeTrigger {
    if (!every.hours && !every.days) throw new Error('Exception: A time-based trigger needs a frequency (everyHours, everyDays…).');
    const owner = this.activeUser();
    if (this._triggers.some((t) => t._owner === owner)) {
      throw new Error('Exception: This add-on has created too many time-based triggers in this document for this Google account.');
    }
    const trigger = new FakeTrigger(this._counter, String(this.nextId++), handler, owner, every);
    this._triggers.push(trigger);
    return trigger;
  }

  /** The event object Apps Script hands a time-driven trigger's function. */
  _clockEvent(trigger: FakeTrigger, at = new Date()): Record<string, unknown> {
    return {
      authMode: AuthMode.FULL, triggerUid: trigger._id, timezone: 'UTC', year: at.getUTCFullYear(), month: at.getUTCMonth() + 1,
      'day-of-month': at.getUTCDate(), 'day-of-week': at.getUTCDay() || 7, hour: at.getUTCHours(), minute: at.getUTCMinutes(), second: at.getUTCSeconds(),
    };
  }
}

for (const cls of [FakeScriptApp, FakeTriggerBuilder, FakeClockTriggerBuilder, FakeTrigger]) {
  instrument(cls, (self: { _counter: CallCounter }) => self._counter, cls.name.replace(/^Fake/, ''));
}
