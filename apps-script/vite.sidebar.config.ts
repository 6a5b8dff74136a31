// Builds the sidebar (Preact) into one self-contained dist/apps-script/Sidebar.html: HtmlService serves
// a single file, so scripts and styles are inlined. Runs after the server build (which empties the folder).
import preact from '@preact/preset-vite';
import { resolve } from 'node:path';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';

const here = import.meta.dirname;

export default defineConfig({
  root: resolve(here, 'sidebar'),
  publicDir: false,
  logLevel: 'warn',
  plugins: [preact(), viteSingleFile({ removeViteModuleLoader: true })],
  build: {
    outDir: resolve(here, '../dist/apps-script'),
    emptyOutDir: false,
    target: 'es2020',
    rollupOptions: { input: resolve(here, 'sidebar/Sidebar.html') },
  },
});
