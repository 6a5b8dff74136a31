// LockService: the script runs one execution at a time here, so a lock is a flag, held by the execution that
// took it until it releases it. An execution that never releases (killed) leaves it to the next one, as
// Apps Script frees a lock when its execution ends.
import { CallCounter, instrument } from './call-counter.ts';

export class FakeLock {
  private held = false;
  constructor(readonly _counter: CallCounter) {}
  tryLock(_timeoutInMillis: number): boolean {
    if (this.held) return false;
    this.held = true;
    return true;
  }
  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw new Error('Lock timeout: another process was holding the lock for too long.');
  }
  hasLock(): boolean { return this.held; }
  releaseLock(): void { this.held = false; }
  /** Called when an execution ends: its locks go. */
  _endExecution(): void { this.held = false; }
}

export class FakeLockService {
  private readonly documentLock: FakeLock;
  constructor(readonly _counter: CallCounter) {
    this.documentLock = new FakeLock(_counter);
  }
  getDocumentLock(): FakeLock { return this.documentLock; }
  /** Called when an execution ends (or is killed): Apps Script frees its locks. */
  _endExecution(): void { this.documentLock._endExecution(); }
}

instrument(FakeLock, (self: FakeLock) => self._counter, 'Lock');
instrument(FakeLockService, (self: FakeLockService) => self._counter, 'LockService');
