// `npm start`: the demo. A Pivor sandbox full of sample data on http://127.0.0.1:8787 (or $PORT), kept in
// .pivor-demo/pivor.sqlite so edits survive a restart, and what to try next.
import { demoPassword, demoUsers } from './seed/seed-users.ts';
import { startSandbox } from './start-sandbox.ts';

const dbFile = '.pivor-demo/pivor.sqlite';
const port = Number(process.env.PORT ?? 8787);

const sandbox = await startSandbox({
  port,
  dbFile,
  seed: 'demo',
  log: (line) => {
    if (line.startsWith('sandbox:') || process.env.PIVOR_SANDBOX_VERBOSE) process.stderr.write(`${line}\n`);
  },
});

const signIns = demoUsers.map((u) => `    ${u.role.padEnd(8)} ${u.email.padEnd(20)} / ${demoPassword}`).join('\n');
process.stdout.write(`
Pivor demo (a local Pivor-compatible API with sample data) is running at ${sandbox.url}
Data is kept in ${dbFile}; delete that file to start over.

  Sign in as:
${signIns}

  Try it from another terminal:
    PIVOR_URL=${sandbox.url} npx pivor-csv login --email admin@pivor.dev
    npx pivor-csv check auto test/fixtures/messy-contacts.csv
    npx pivor-csv push contacts test/fixtures/hubspot-contacts.csv --dry-run
    npx pivor-csv push contacts test/fixtures/hubspot-contacts.csv

  The Chrome extension is built in dist/extension: load it unpacked from chrome://extensions
  (Developer mode) and sign in to ${sandbox.url}. The Google Sheets add-on is built in
  dist/apps-script (see apps-script/README.md to install it).
  Press Ctrl+C to stop.
`);

let stopping = false;
for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    void sandbox.close().then(() => process.exit(0));
  });
}
