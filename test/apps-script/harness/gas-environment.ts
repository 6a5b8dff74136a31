// Runs the built add-on the way Apps Script does: one classic script in a bare V8 context (no timers,
// no fetch, no URL, no TextEncoder, no modules) with the services as globals, its top-level functions
// called by name. Arguments and results cross as JSON, as google.script.run sends them; a function that
// returns a promise must settle with microtasks alone, because Apps Script has no event loop to wait on.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { CallCounter } from '../fakes/call-counter.ts';
import { FakeCacheService } from '../fakes/cache-service.ts';
import { FakeHtmlService, FakeUi } from '../fakes/html-and-ui.ts';
import { FakePropertiesService } from '../fakes/properties-service.ts';
import { FakeSpreadsheetApp } from '../fakes/spreadsheet-app.ts';
import { LITERAL_CELLS, LOSSY_CELLS, type CellBehaviour } from '../fakes/sheet-values.ts';
import { FakeUrlFetchApp } from '../fakes/url-fetch-app.ts';
import { FakeLogger, FakeSession, FakeUtilities } from '../fakes/utilities-session-logger.ts';
import { FakeLockService } from '../fakes/lock-service.ts';
import { FakeScriptApp, type FakeTrigger } from '../fakes/script-app.ts';
import { builtFile } from './build-once.ts';

export interface GasEnvironmentOptions {
  timeZone?: string;
  spreadsheetName?: string;
  /**
   * How google.script.run treats a function that returns a promise: its settled value (true, the
   * default), or the promise object itself, which reaches the page as {} (false: the pessimistic model).
   */
  unwrapPromises?: boolean;
  /**
   * Functions whose answer never reaches the page: the execution runs to its end, then google.script.run
   * calls the failure handler (as when the connection to the sidebar drops). Default: none.
   */
  loseAnswerOf?: (name: string) => boolean;
  /** Another build of the add-on (its Code.js; the sidebar is left out when the folder has none). */
  buildDir?: string;
  /** How cells keep what is written where Google does not say (default: exactly, or lossy when GAS_FAKE_CELLS=lossy). */
  cells?: CellBehaviour;
  /**
   * Time the script sees pass beyond the real time (its Date is shifted by `ms`, which the test may raise
   * during an execution): a step that has used up most of its 6 minutes, without waiting for them.
   */
  extraTime?: { ms: number };
}

/** A Date class whose clock runs `extra.ms` ahead of the real one. */
function shiftedDate(extra: { ms: number }): DateConstructor {
  return class ShiftedDate extends Date {
    constructor(...args: unknown[]) {
      if (args.length === 0) super(Date.now() + extra.ms);
      else super(...(args as [string]));
    }
    static override now(): number { return Date.now() + extra.ms; }
  } as DateConstructor;
}

const PENDING = Symbol('pending');

export class GasEnvironment {
  readonly counter = new CallCounter();
  readonly ui = new FakeUi(this.counter);
  readonly spreadsheetApp: FakeSpreadsheetApp;
  readonly properties = new FakePropertiesService(this.counter);
  readonly cache = new FakeCacheService(this.counter, () => this.properties._activeUser);
  readonly utilities = new FakeUtilities(this.counter);
  readonly locks = new FakeLockService(this.counter);
  readonly session: FakeSession;
  readonly logger = new FakeLogger(this.counter);
  readonly urlFetch = new FakeUrlFetchApp(this.counter);
  readonly scriptApp = new FakeScriptApp(this.counter, () => this.properties._activeUser);
  readonly html: FakeHtmlService;
  private readonly code: vm.Script;
  private readonly globals: Record<string, unknown>;
  /** The context of the latest execution. */
  context: vm.Context;

  private readonly unwrapPromises: boolean;
  /** The number of the latest execution (each holds locks under its own number). */
  private execution = 0;
  private readonly loseAnswerOf: (name: string) => boolean;
  private readonly extraTime: { ms: number } | undefined;

  constructor(options: GasEnvironmentOptions = {}) {
    this.unwrapPromises = options.unwrapPromises ?? true;
    this.loseAnswerOf = options.loseAnswerOf ?? (() => false);
    this.extraTime = options.extraTime;
    const timeZone = options.timeZone ?? 'Europe/Paris';
    this.spreadsheetApp = new FakeSpreadsheetApp(this.counter, { name: options.spreadsheetName, timeZone, ui: this.ui, cells: options.cells ?? (process.env.GAS_FAKE_CELLS === 'lossy' ? LOSSY_CELLS : LITERAL_CELLS) });
    this.session = new FakeSession(this.counter, 'America/New_York', () => `temp-key-${this.properties._activeUser}`);
    const file = (name: string) => (options.buildDir ? join(options.buildDir, name) : builtFile(name));
    this.html = new FakeHtmlService(this.counter, new Map(existsSync(file('Sidebar.html')) ? [['Sidebar', readFileSync(file('Sidebar.html'), 'utf8')]] : []));
    this.globals = {
      SpreadsheetApp: this.spreadsheetApp,
      PropertiesService: this.properties,
      CacheService: this.cache,
      HtmlService: this.html,
      UrlFetchApp: this.urlFetch,
      Utilities: this.utilities,
      Session: this.session,
      LockService: this.locks,
      ScriptApp: this.scriptApp,
      Logger: this.logger,
      console: this.logger._console(),
    };
    this.code = new vm.Script(readFileSync(file('Code.js'), 'utf8'), { filename: 'Code.js' });
    this.context = this.newExecution();
  }

  /**
   * Apps Script loads the script afresh for every execution (a trigger, a menu item, each google.script.run
   * call): nothing the script keeps in globals survives, only what it stored in the services. A killed
   * execution is over: the next one runs normally.
   */
  private newExecution(): vm.Context {
    this.counter.killed = null;
    this.execution += 1;
    const context = vm.createContext({
      ...this.globals, LockService: this.locks._forExecution(this.execution), ...(this.extraTime ? { Date: shiftedDate(this.extraTime) } : {}),
    });
    this.code.runInContext(context);
    return context;
  }

  /** The names of the script's top-level functions (what a menu or google.script.run can call). */
  topLevelFunctions(): string[] {
    return Object.keys(this.context).filter((k) => typeof this.context[k] === 'function' && !(k in this.globals));
  }

  /** Calls a top-level function synchronously, as a trigger or a menu item does. Returns what it returned. */
  call(name: string, ...args: unknown[]): unknown {
    const { result, execution } = this.start(name, args);
    if (!isPromise(result)) this.locks._endExecution(execution);
    return result;
  }

  /** A new execution running the function; a promise it returns is still settling. */
  private start(name: string, args: unknown[]): { result: unknown; execution: number } {
    this.context = this.newExecution();
    const execution = this.execution;
    const fn = this.context[name] as unknown;
    if (typeof fn !== 'function') throw new Error(`Script function not found: ${name}`);
    const inner = vm.runInContext('(json) => JSON.parse(json)', this.context) as (json: string) => unknown[];
    try {
      return { result: (fn as (...a: unknown[]) => unknown).apply(this.context, inner(JSON.stringify(args))), execution };
    } catch (error) {
      this.locks._endExecution(execution);
      throw error;
    }
  }

  /**
   * Calls a function as google.script.run does: JSON arguments, a JSON result (a Date or function in it
   * fails the call), and a returned promise must settle without any timer or I/O.
   */
  async run(name: string, ...args: unknown[]): Promise<unknown> {
    let result: unknown;
    let execution = 0;
    try {
      ({ result, execution } = this.start(name, args));
      if (isPromise(result)) {
        const settled = await Promise.race([result as Promise<unknown>, new Promise((r) => setImmediate(() => r(PENDING)))]);
        if (settled === PENDING) throw new Error(`${name} returned a promise that needs an event loop: Apps Script would never settle it`);
        result = this.unwrapPromises ? settled : {};
      }
    } finally {
      // The execution is over, killed or not: the test may look at the services again, and its locks are freed.
      this.counter.killed = null;
      this.locks._endExecution(execution);
    }
    if (this.loseAnswerOf(name)) throw new Error('NetworkError: Connection failure due to HTTP 0');
    assertTransferable(result, name);
    return result === undefined ? null : JSON.parse(JSON.stringify(result));
  }

  /**
   * Runs a time-driven trigger as Apps Script does: a new execution as the trigger's owner (whoever is at
   * the keyboard), handed the clock event; a promise it returns settles like any other execution's.
   */
  async fire(trigger: FakeTrigger): Promise<unknown> {
    const before = this.properties._activeUser;
    this.properties._activeUser = trigger._owner;
    try {
      return await this.run(trigger._handler, this.scriptApp._clockEvent(trigger));
    } finally {
      this.properties._activeUser = before;
    }
  }

  /**
   * Two executions at once, as two tabs (or two people) calling the script at the same moment: the second
   * starts while the first waits for its first answer, and from then on they take turns at every await
   * (each request to Pivor, each promise the core settles), each in its own context with its own locks.
   */
  runTogether(first: [string, ...unknown[]], second: [string, ...unknown[]]): Promise<[unknown, unknown]> {
    return Promise.all([this.run(...first), this.run(...second)]);
  }

  async close(): Promise<void> {
    await this.urlFetch._stop();
  }
}

function isPromise(value: unknown): value is Promise<unknown> {
  return !!value && typeof (value as Promise<unknown>).then === 'function';
}

function assertTransferable(value: unknown, where: string): void {
  if (value === null || value === undefined) return;
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]' || typeof value === 'function') throw new Error(`${where} returned a ${tag}: google.script.run cannot carry it`);
  if (typeof value === 'object') for (const v of Object.values(value as object)) assertTransferable(v, where);
}
