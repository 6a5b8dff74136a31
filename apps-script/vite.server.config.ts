// Builds the add-on's server side into one classic script, dist/apps-script/Code.js, for Apps Script V8:
// an IIFE that puts every export of main.ts on the global PivorAddon, followed by a top-level function
// declaration per export (Apps Script only calls top-level functions from triggers, menus and
// google.script.run). Also copies appsscript.json, and writes .clasp.json next to it (so `clasp push`
// runs there) with the script id from PIVOR_SCRIPT_ID, or else the one in apps-script/.clasp.json.
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { defineConfig, type Plugin } from 'vite';

const GLOBAL = 'PivorAddon';
const here = import.meta.dirname;
const outDir = resolve(here, '../dist/apps-script');

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
      copyFileSync(resolve(here, 'appsscript.json'), resolve(outDir, 'appsscript.json'));
      const clasp = JSON.parse(readFileSync(resolve(here, '.clasp.json'), 'utf8')) as { scriptId: string };
      const scriptId = process.env.PIVOR_SCRIPT_ID?.trim() || clasp.scriptId;
      writeFileSync(resolve(outDir, '.clasp.json'), `${JSON.stringify({ scriptId, rootDir: '.' }, null, 2)}\n`);
    },
  };
}

export default defineConfig({
  publicDir: false,
  logLevel: 'warn',
  plugins: [topLevelFunctions(), copyProjectFiles()],
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
