import { PassThrough } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { paint } from '../../cli/io.ts';
import { runCli } from '../../cli/run-cli.ts';

function terminal(isTTY: boolean) {
  return Object.assign(new PassThrough(), { isTTY });
}

describe('colour', () => {
  it('is used on a terminal only, and never with NO_COLOR', () => {
    expect(paint(terminal(true), {}).red('x')).toBe('\u001b[31mx\u001b[39m');
    expect(paint(terminal(false), {}).red('x')).toBe('x');
    expect(paint(terminal(true), { NO_COLOR: '1' }).red('x')).toBe('x');
  });
});

describe('runCli', () => {
  it('prints every command in its help, and a command usage on --help', async () => {
    const stdout = new PassThrough();
    const stderr = new PassThrough();
    expect(await runCli(['help'], { stdout, stderr })).toBe(0);
    const help = String(stdout.read());
    expect(help).toContain('template');
    expect(help).toContain('check');
    expect(await runCli(['check', '--help'], { stdout, stderr })).toBe(0);
    expect(String(stdout.read())).toMatch(/^usage: pivor-csv check/);
  });
});
