// A real Pivor for the checks of Pivor's own bugs: the one PIVOR_TEST_URL names (a throwaway install with the
// admin@pivor.dev / password sign-in), or one started from PIVOR_SERVER_DIR (default ../shared/real-pivor) on a
// free port with a fresh database. The server's output goes to a file, never to a pipe this process reads.
import { spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { createServer, type AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export interface RealPivor { url: string; stop(): Promise<void> }

const repo = fileURLToPath(new URL('../..', import.meta.url));

export async function startRealPivor(): Promise<RealPivor> {
  const given = process.env.PIVOR_TEST_URL;
  if (given) return { url: given.replace(/\/+$/, ''), stop: async () => {} };
  const dir = resolve(repo, process.env.PIVOR_SERVER_DIR ?? '../shared/real-pivor');
  const workdir = mkdtempSync(join(tmpdir(), 'pivor-guards-'));
  const port = await freePort();
  const log = join(workdir, 'server.log');
  const out = openSync(log, 'a');
  const child = spawn('bash', [join(dir, 'start.sh'), String(port), '--workdir', join(workdir, 'app')], { stdio: ['ignore', out, out] });
  closeSync(out);
  const url = `http://127.0.0.1:${port}`;
  for (const started = Date.now(); ; ) {
    if (child.exitCode !== null) throw new Error(`real Pivor exited:\n${readFileSync(log, 'utf8').slice(-2000)}`);
    if (Date.now() - started > 180_000) throw new Error('real Pivor did not answer /up within 3 minutes');
    if (await fetch(`${url}/up`).then((r) => r.ok, () => false)) break;
    await new Promise((done) => setTimeout(done, 250));
  }
  return {
    url,
    async stop() {
      const exited = new Promise((done) => child.once('exit', done));
      if (child.exitCode === null) child.kill('SIGTERM'); // start.sh stops PHP and its workers
      await exited;
      await rm(workdir, { recursive: true, force: true });
    },
  };
}

function freePort(): Promise<number> {
  return new Promise((done, fail) => {
    const server = createServer().once('error', fail).listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      server.close(() => done(port));
    });
  });
}
