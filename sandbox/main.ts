// The sandbox as a command: `node --import tsx sandbox/main.ts --port 0 --seed users --latency 20` (or the
// built dist/node/sandbox.mjs). Prints one JSON line {"url","port"} on stdout once listening, logs on
// stderr, and on SIGTERM or SIGINT closes cleanly, saving the database file.
import { parseCommandOptions, usage } from './cli-options.ts';
import { startSandbox } from './start-sandbox.ts';

async function main(): Promise<void> {
  let options;
  try {
    options = parseCommandOptions(process.argv.slice(2), process.env);
  } catch (error) {
    process.stderr.write(`${(error as Error).message}\n${usage}\n`);
    process.exit(2);
  }
  if (options.help) {
    process.stdout.write(`${usage}\n`);
    return;
  }
  const log = (line: string) => process.stderr.write(`${line}\n`);
  const sandbox = await startSandbox({ ...options, log: options.quiet ? (line) => line.startsWith('sandbox:') && log(line) : log });
  process.stdout.write(`${JSON.stringify({ url: sandbox.url, port: sandbox.port })}\n`);
  log(`Pivor sandbox listening on ${sandbox.url} (seed ${options.seed ?? 'users'}${options.dbFile ? `, database ${options.dbFile}` : ', in memory'})`);

  let stopping = false;
  const stop = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log(`${signal}: closing`);
    sandbox.close().then(
      () => process.exit(0),
      (error: unknown) => {
        log(`sandbox: close failed: ${String(error)}`);
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => stop('SIGTERM'));
  process.on('SIGINT', () => stop('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(`sandbox: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
