// LockService: one document lock shared by every execution, held by the execution that took it until it
// releases it or ends. Each execution sees the service through its own handle (as each Apps Script
// execution is its own process), so two executions run together contend for the lock as they would on
// Google's servers: a second tryLock fails while the first holds it. An execution that never releases
// (killed) leaves it to the next one, as Apps Script frees a lock when its execution ends.
import { CallCounter, instrument } from './call-counter.ts';

/** The lock itself: who holds it. */
export class DocumentLockState {
  holder: number | null = null;
  /** Every tryLock that failed because another execution held the lock. */
  refusals = 0;
}

export class FakeLock {
  constructor(readonly _counter: CallCounter, private readonly state: DocumentLockState, private readonly execution: number) {}
  tryLock(_timeoutInMillis: number): boolean {
    if (this.state.holder !== null && this.state.holder !== this.execution) {
      this.state.refusals += 1;
      return false;
    }
    this.state.holder = this.execution;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  hasLock(): boolean { return this.state.holder === this.execution; }
  releaseLock(): void { if (this.hasLock()) this.state.holder = null; }
}

export class FakeLockService {
  private readonly documentLock: FakeLock;
  constructor(readonly _counter: CallCounter, readonly _state = new DocumentLockState(), execution = 0) {
    this.documentLock = new FakeLock(_counter, _state, execution);
  }
  getDocumentLock(): FakeLock { return this.documentLock; }
  /** The service as one execution sees it. */
  _forExecution(execution: number): FakeLockService { return new FakeLockService(this._counter, this._state, execution); }
  /** Whether any execution holds the document lock now. */
  _held(): boolean { return this._state.holder !== null; }
  /** Called when an execution ends (or is killed): Apps Script frees its locks. */
  _endExecution(execution: number): void { if (this._state.holder === execution) this._state.holder = null; }
}

instrument(FakeLock, (self: FakeLock) => self._counter, 'Lock');
instrument(FakeLockService, (self: FakeLockService) => self._counter, 'LockService');
