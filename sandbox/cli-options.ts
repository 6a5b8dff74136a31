// Sandbox settings from command-line flags and PIVOR_SANDBOX_* environment variables (flags win).
import type { FaultOptions, SandboxOptions } from './options.ts';

export interface CommandOptions extends SandboxOptions {
  quiet: boolean;
  help: boolean;
}

type Kind = 'int' | 'rate' | 'text' | 'seed' | 'links' | 'flag';
interface Setting {
  flag: string;
  env: string;
  kind: Kind;
  apply: (o: CommandOptions, f: FaultOptions, value: string) => void;
  help: string;
}

const settings: Setting[] = [
  { flag: 'port', env: 'PIVOR_SANDBOX_PORT', kind: 'int', apply: (o, _f, v) => (o.port = Number(v)), help: 'port (0 = a free one; default 0)' },
  { flag: 'host', env: 'PIVOR_SANDBOX_HOST', kind: 'text', apply: (o, _f, v) => (o.host = v), help: 'address to bind (default 127.0.0.1)' },
  { flag: 'db', env: 'PIVOR_SANDBOX_DB', kind: 'text', apply: (o, _f, v) => (o.dbFile = v), help: 'SQLite file to load and save (default: in memory only)' },
  { flag: 'seed', env: 'PIVOR_SANDBOX_SEED', kind: 'seed', apply: (o, _f, v) => (o.seed = v as CommandOptions['seed']), help: 'demo | users | none, for a new database (default users)' },
  { flag: 'page-links', env: 'PIVOR_SANDBOX_PAGE_LINKS', kind: 'links', apply: (o, _f, v) => (o.pageLinks = v as CommandOptions['pageLinks']), help: 'laravel (only ?page=N, as Pivor) | with-query' },
  { flag: 'latency', env: 'PIVOR_SANDBOX_LATENCY_MS', kind: 'int', apply: (_o, f, v) => (f.latencyMs = Number(v)), help: 'ms added to every request' },
  { flag: 'error-rate', env: 'PIVOR_SANDBOX_ERROR_RATE', kind: 'rate', apply: (_o, f, v) => (f.errorRate = Number(v)), help: 'share of API requests answered 500 (0..1)' },
  { flag: 'rate-limit-rate', env: 'PIVOR_SANDBOX_RATE_LIMIT_RATE', kind: 'rate', apply: (_o, f, v) => (f.rateLimitRate = Number(v)), help: 'share answered 429 (0..1)' },
  { flag: 'retry-after', env: 'PIVOR_SANDBOX_RETRY_AFTER', kind: 'int', apply: (_o, f, v) => (f.retryAfterSeconds = Number(v)), help: 'Retry-After seconds of those 429s (default 1)' },
  { flag: 'reset-rate', env: 'PIVOR_SANDBOX_RESET_RATE', kind: 'rate', apply: (_o, f, v) => (f.resetRate = Number(v)), help: 'share processed, then reset mid-response (0..1)' },
  { flag: 'slow-page', env: 'PIVOR_SANDBOX_SLOW_PAGE_MS', kind: 'int', apply: (_o, f, v) => (f.slowPageMs = Number(v)), help: 'ms added to list requests' },
  { flag: 'fault-seed', env: 'PIVOR_SANDBOX_FAULT_SEED', kind: 'int', apply: (_o, f, v) => (f.faultSeed = Number(v)), help: 'makes fault draws repeatable' },
  { flag: 'quiet', env: 'PIVOR_SANDBOX_QUIET', kind: 'flag', apply: (o) => (o.quiet = true), help: 'no request log on stderr' },
];

export const usage = [
  'Usage: sandbox [options]   (prints {"url","port"} as one JSON line on stdout once listening)',
  ...settings.map((s) => `  --${`${s.flag}${s.kind === 'flag' ? '' : ' VALUE'}`.padEnd(22)} ${s.help}  [${s.env}]`),
  '  --help                 this text',
].join('\n');

function check(setting: Setting, value: string): void {
  const fail = () => {
    throw new Error(`--${setting.flag}: invalid value "${value}"`);
  };
  if (setting.kind === 'int' && !/^\d+$/.test(value)) fail();
  if (setting.kind === 'rate' && !(value.trim() !== '' && Number(value) >= 0 && Number(value) <= 1)) fail();
  if (setting.kind === 'seed' && !['demo', 'users', 'none'].includes(value)) fail();
  if (setting.kind === 'links' && !['laravel', 'with-query'].includes(value)) fail();
}

export function parseCommandOptions(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = {}): CommandOptions {
  const options: CommandOptions = { quiet: false, help: false };
  const faults: FaultOptions = {};
  const values = new Map<Setting, string>();
  for (const s of settings) {
    const value = env[s.env];
    if (value !== undefined && value !== '') values.set(s, value);
  }
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--help' || arg === '-h') {
      options.help = true;
      continue;
    }
    const [name, inline] = arg.startsWith('--') ? (arg.slice(2).split(/=(.*)/s) as [string, string | undefined]) : [arg, undefined];
    const setting = settings.find((s) => s.flag === name);
    if (!setting) throw new Error(`unknown option ${arg}`);
    if (setting.kind === 'flag') {
      values.set(setting, '1');
      continue;
    }
    const value = inline ?? argv[++i];
    if (value === undefined) throw new Error(`--${setting.flag} needs a value`);
    values.set(setting, value);
  }
  for (const [setting, value] of values) {
    if (setting.kind === 'flag' && ['0', 'false', 'no'].includes(value)) continue;
    check(setting, value);
    setting.apply(options, faults, value);
  }
  if (Object.keys(faults).length > 0) options.faults = faults;
  return options;
}
