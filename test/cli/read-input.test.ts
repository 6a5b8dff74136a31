// Reading the input of a command: files, and pipes or devices, which are read with a size limit and stop at binary.
import { spawn } from 'node:child_process';
import { mkdtempSync, openSync, closeSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PassThrough, Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readInput } from '../../cli/read-input.ts';
import { finished, pivorCsvBin, root } from '../helpers/pivor-csv.ts';

let scratch = '';
beforeAll(() => {
  scratch = mkdtempSync(join(tmpdir(), 'pivor-read-input-'));
});
afterAll(() => {
  if (scratch) rmSync(scratch, { recursive: true, force: true });
});

/** A stream that never ends: `chunk` again and again, counting how many were read. */
function endless(chunk: Buffer): { stream: Readable; pulled: () => number } {
  let pulled = 0;
  const stream = new Readable({
    read() {
      pulled++;
      this.push(chunk);
    },
  });
  return { stream, pulled: () => pulled };
}

describe('readInput from a pipe', () => {
  it('stops at the first chunk holding a NUL byte, and hands it on for the core to judge', async () => {
    const source = endless(Buffer.alloc(64 * 1024));
    const read = await readInput('-', source.stream);
    expect(read.ok).toBe(true);
    expect(read.ok && read.bytes.length).toBe(64 * 1024);
    expect(source.pulled()).toBeLessThanOrEqual(3);
    expect(source.stream.destroyed).toBe(true);
  });

  it('refuses input past the size limit, with a sentence, instead of growing without bound', async () => {
    const source = endless(Buffer.from('a,b\n'.repeat(4096)));
    const read = await readInput('-', source.stream, 1024 * 1024);
    expect(read).toEqual({ ok: false, message: 'standard input is larger than 1 MB, the most pivor-csv reads at once: split it into smaller files' });
    expect(source.pulled()).toBeLessThan(80);
  });

  it('reads text to its end, and UTF-16 (which is full of NUL bytes) to its end too', async () => {
    const text = new PassThrough();
    text.end('first_name,last_name\nJane,Doe\n');
    expect(await readInput('-', text)).toEqual({ ok: true, bytes: new Uint8Array(Buffer.from('first_name,last_name\nJane,Doe\n')) });
    const utf16 = Buffer.from('\ufeffname\r\nAcme\r\n', 'utf16le');
    const pipe = new PassThrough();
    pipe.write(utf16.subarray(0, 6));
    pipe.end(utf16.subarray(6));
    const read = await readInput('-', pipe);
    expect(read.ok && Buffer.from(read.bytes).equals(utf16)).toBe(true);
  });
});

describe('readInput from a path', () => {
  it('reads a device such as /dev/zero as a pipe: it ends at once', async () => {
    const read = await readInput('/dev/zero', undefined);
    expect(read.ok && read.bytes.length).toBeGreaterThan(0);
    expect(read.ok && read.bytes.length).toBeLessThanOrEqual(1024 * 1024);
  });

  it('refuses a regular file past the limit before reading it, and a folder', async () => {
    const file = join(scratch, 'big.csv');
    writeFileSync(file, 'a,b\n'.repeat(300_000));
    expect(await readInput(file, undefined, 1024 * 1024)).toEqual({
      ok: false, message: `${file} is larger than 1 MB, the most pivor-csv reads at once: split it into smaller files`,
    });
    expect(await readInput(scratch)).toEqual({ ok: false, message: `cannot read ${scratch}: it is a folder, not a file` });
  });
});

describe('pivor-csv check on a device', () => {
  it.each([
    ['- < /dev/zero', ['-'], 'standard input: This file looks binary, not CSV.'],
    ['/dev/zero', ['/dev/zero'], '/dev/zero: This file looks binary, not CSV.'],
  ])('%s ends at once with exit 2 and a clear message', async (_name, path, message) => {
    const zero = openSync('/dev/zero', 'r');
    const child = spawn(process.execPath, [pivorCsvBin, 'check', 'contacts', ...path], {
      cwd: root, env: { ...process.env, NO_COLOR: '1' }, stdio: [zero, 'pipe', 'pipe'],
    });
    closeSync(zero);
    const run = await finished(child);
    expect(run.code).toBe(2);
    expect(run.stderr).toBe(`pivor-csv: ${message}\n`);
  });
});
