// Flags and PIVOR_SANDBOX_* variables → sandbox options.
import { describe, expect, it } from 'vitest';
import { parseCommandOptions } from '../../sandbox/cli-options.ts';

describe('parseCommandOptions', () => {
  it('reads flags, --flag=value and the environment, flags winning', () => {
    const options = parseCommandOptions(['--port', '8787', '--seed=demo', '--latency', '20', '--reset-rate', '0.1'], {
      PIVOR_SANDBOX_LATENCY_MS: '5',
      PIVOR_SANDBOX_ERROR_RATE: '0.25',
      PIVOR_SANDBOX_DB: 'data/pivor.sqlite',
    });
    expect(options).toMatchObject({
      port: 8787,
      seed: 'demo',
      dbFile: 'data/pivor.sqlite',
      faults: { latencyMs: 20, errorRate: 0.25, resetRate: 0.1 },
      quiet: false,
    });
  });

  it('leaves faults out when none is set', () => {
    expect(parseCommandOptions([], {}).faults).toBeUndefined();
  });

  it.each([
    [['--error-rate', '1.5'], /--error-rate: invalid value "1.5"/],
    [['--seed', 'everything'], /--seed: invalid value/],
    [['--port'], /--port needs a value/],
    [['--what'], /unknown option --what/],
  ])('refuses %j', (argv, message) => {
    expect(() => parseCommandOptions(argv, {})).toThrow(message);
  });
});
