// Builds the add-on's server side into one classic script, dist/apps-script/Code.js, for Apps Script V8:
// an IIFE that puts every export of main.ts on the global PivorAddon, followed by a top-level function
// declaration per export (Apps Script only calls top-level functions from triggers, menus and
// google.script.run). Also copies appsscript.json, and writes .clasp.json next to it (so `clasp push`
// runs there) with the script id from PIVOR_SCRIPT_ID, or else the one in apps-script/.clasp.json.
// Build options (environment): PIVOR_URL_ALLOWLIST, comma-separated https:// prefixes, becomes the
// manifest's urlFetchWhitelist (required by a versioned deployment) and the only addresses sign-in
// accepts; PIVOR_DEV_BUILD=1 lets sign-in use http://localhost (tests only); PIVOR_SHEETS_OUT, the folder.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const GLOBAL = 'PivorAddon';
const here = import.meta.dirname;
const outDir = resolve(here, '..', process.env.PIVOR_SHEETS_OUT ?? 'dist/apps-script');
const allowlist = urlAllowlist(process.env.PIVOR_URL_ALLOWLIST ?? '');

/** Google's rules for a prefix: a valid https URL with a full domain and a non-empty path ("https://x.com/"). */
function urlAllowlist(value: string): string[] {
  const prefixes = value.split(',').map((p) => p.trim()).filter((p) => p !== '');
  for (const prefix of prefixes) {
    let url: URL | null = null;
    try {
      url = new URL(prefix);
    } catch {
      // reported below
    }
    if (!url || url.protocol !== 'https:' || !url.hostname.includes('.') || url.pathname === '' || !prefix.slice('https://'.length).includes('/')) {
      throw new Error(`PIVOR_URL_ALLOWLIST: "${prefix}" must be an https:// address with a full domain and a path, such as https://crm.example.com/`);
    }
  }
  return prefixes;
}

function topLevelFunctions(): Plugin {
  return {
    name: 'apps-script-top-level-functions',
    renderChunk(code, chunk) {
      if (!chunk.isEntry) return null;
      const wrappers = chunk.exports
        .map((name) => `function ${name}() { return ${GLOBAL}.${name}.apply(this, arguments); }`)
        .join('\n');
      return { code: `${code}\n${wrappers}\n`, map: null };
    },
  };
}

function copyProjectFiles(): Plugin {
  return {
    name: 'apps-script-project-files',
    writeBundle() {
      mkdirSync(outDir, { recursive: true });
      const manifest = JSON.parse(readFileSync(resolve(here, 'appsscript.json'), 'utf8')) as Record<string, unknown>;
      if (allowlist.length > 0) manifest.urlFetchWhitelist = allowlist;
      writeFileSync(resolve(outDir, 'appsscript.json'), `${JSON.stringify(manifest, null, 2)}\n`);
      const clasp = JSON.parse(readFileSync(resolve(here, '.clasp.json'), 'utf8')) as { scriptId: string };
      const scriptId = process.env.PIVOR_SCRIPT_ID?.trim() || clasp.scriptId;
      // What kind of build this is, for the test harness (clasp leaves dot files behind).
      writeFileSync(resolve(outDir, '.build.json'), `${JSON.stringify({ dev: process.env.PIVOR_DEV_BUILD === '1', urlFetchWhitelist: allowlist })}\n`);
      writeFileSync(resolve(outDir, '.clasp.json'), `${JSON.stringify({ scriptId, rootDir: '.' }, null, 2)}\n`);
    },
  };
}

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  plugins: [topLevelFunctions(), copyProjectFiles()],
  define: {
    __PIVOR_DEV_BUILD__: JSON.stringify(process.env.PIVOR_DEV_BUILD === '1'),
    __PIVOR_URL_ALLOWLIST__: JSON.stringify(allowlist),
  },
  build: {
    outDir,
    emptyOutDir: true,
    target: 'es2019',
    minify: true,
    sourcemap: false,
    lib: {
      entry: resolve(here, 'main.ts'),
      formats: ['iife'],
      name: GLOBAL,
      fileName: () => 'Code.js',
    },
  },
});
