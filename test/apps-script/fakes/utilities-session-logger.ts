// Utilities (sleep that really blocks, formatDate with Java patterns, base64 with signed bytes, blobs),
// Session (time zone, locale, no user e-mail without its scope), Logger and console. Everything logged
// is kept so a test can check that no secret ever reaches the logs.
import { createHash, randomUUID } from 'node:crypto';
import { DateTime } from 'luxon';
import { CallCounter, instrument } from './call-counter.ts';

const sleeper = new Int32Array(new SharedArrayBuffer(4));

/** Java SimpleDateFormat → luxon: the letters that differ; quoted literals pass through. */
function javaToLuxon(pattern: string): string {
  return pattern.replace(/'[^']*'|X{1,3}|Z+|E{3,}|a|S{1,3}/g, (t) => {
    if (t.startsWith("'")) return t;
    if (t.startsWith('X')) return t.length === 1 ? 'Z' : 'ZZ';
    if (t.startsWith('Z')) return 'ZZZ';
    if (t.startsWith('E')) return t.length > 3 ? 'cccc' : 'ccc';
    if (t === 'a') return 'a';
    return 'S'.repeat(t.length);
  });
}

const toSignedBytes = (buf: Uint8Array): number[] => Array.from(buf, (b) => (b > 127 ? b - 256 : b));
const toBuffer = (data: string | number[], charset?: string): Buffer =>
  typeof data === 'string' ? Buffer.from(data, charset === 'US_ASCII' ? 'latin1' : 'utf8') : Buffer.from(data.map((b) => b & 0xff));

export class FakeBlob {
  constructor(readonly _counter: CallCounter, private bytes: Buffer, private contentType: string | null, private name: string | null) {}
  getBytes(): number[] { return toSignedBytes(this.bytes); }
  getDataAsString(charset?: string): string { return new TextDecoder(charset && charset !== 'UTF_8' ? charset : 'utf-8').decode(this.bytes); }
  getContentType(): string | null { return this.contentType; }
  setContentType(t: string): this { this.contentType = t; return this; }
  getName(): string | null { return this.name; }
  setName(n: string): this { this.name = n; return this; }
}

export class FakeUtilities {
  readonly Charset = { UTF_8: 'UTF_8', US_ASCII: 'US_ASCII' } as const;
  readonly DigestAlgorithm = { MD5: 'MD5', SHA_1: 'SHA_1', SHA_256: 'SHA_256' } as const;
  /** Total time spent sleeping, for the bench. */
  _sleptMs = 0;
  constructor(readonly _counter: CallCounter) {}
  sleep(ms: number): void {
    if (ms > 300_000) throw new Error('Exception: Sleep time must be at most 300000 milliseconds.');
    this._sleptMs += ms;
    Atomics.wait(sleeper, 0, 0, ms);
  }
  formatDate(date: Date, timeZone: string, format: string): string {
    if (Object.prototype.toString.call(date) !== '[object Date]') throw new Error('Exception: The parameters don\'t match the method signature for Utilities.formatDate.');
    return DateTime.fromMillis(date.getTime(), { zone: timeZone }).toFormat(javaToLuxon(format));
  }
  getUuid(): string { return randomUUID(); }
  /** The digest as Java's signed bytes; a string is read in the charset given (UTF-8 by default). */
  computeDigest(algorithm: string, value: string | number[], charset?: string): number[] {
    const name = { MD5: 'md5', SHA_1: 'sha1', SHA_256: 'sha256' }[algorithm];
    if (!name) throw new Error('Exception: Invalid argument: algorithm');
    return toSignedBytes(createHash(name).update(toBuffer(value, charset)).digest());
  }
  base64Encode(data: string | number[], charset?: string): string { return toBuffer(data, charset).toString('base64'); }
  base64Decode(encoded: string): number[] { return toSignedBytes(Buffer.from(encoded, 'base64')); }
  newBlob(data: string | number[], contentType?: string, name?: string): FakeBlob {
    return new FakeBlob(this._counter, toBuffer(data), contentType ?? null, name ?? null);
  }
}

export class FakeSession {
  constructor(readonly _counter: CallCounter, private readonly timeZone: string, private readonly tempKey: () => string) {}
  getScriptTimeZone(): string { return this.timeZone; }
  getActiveUserLocale(): string { return 'en'; }
  getTemporaryActiveUserKey(): string { return this.tempKey(); }
  /** Without the userinfo.email scope Apps Script gives an empty e-mail: the add-on must not rely on it. */
  getActiveUser(): { getEmail(): string } { return { getEmail: () => '' }; }
  getEffectiveUser(): { getEmail(): string } { return { getEmail: () => '' }; }
}

/** Logger and console share one list of lines. */
export class FakeLogger {
  readonly lines: string[] = [];
  constructor(readonly _counter: CallCounter) {}
  log(format: unknown, ...values: unknown[]): this {
    let i = 0;
    const text = typeof format === 'string' && values.length ? format.replace(/%s/g, () => String(values[i++])) : String(format);
    this.lines.push(text);
    return this;
  }
  getLog(): string { return this.lines.join('\n'); }
  clear(): void { this.lines.length = 0; }
  _console(): Record<'log' | 'info' | 'warn' | 'error', (...args: unknown[]) => void> {
    const put = (...args: unknown[]): void => {
      this.lines.push(args.map((a) => (typeof a === 'string' ? a : JSON.stringify(a) ?? String(a))).join(' '));
    };
    return { log: put, info: put, warn: put, error: put };
  }
}

instrument(FakeUtilities, (s: FakeUtilities) => s._counter, 'Utilities');
instrument(FakeSession, (s: FakeSession) => s._counter, 'Session');
instrument(FakeBlob, (s: FakeBlob) => s._counter, 'Blob');
