// Builds the Chrome extension (popup, import wizard, service worker) into dist/extension with crxjs and Preact.
import { crx } from '@crxjs/vite-plugin';
import preact from '@preact/preset-vite';
import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import manifest from '../manifest.config.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

export default defineConfig({
  root,
  plugins: [preact(), crx({ manifest })],
  build: {
    outDir: fileURLToPath(new URL('../dist/extension', import.meta.url)),
    emptyOutDir: true,
    target: 'chrome116',
    sourcemap: false,
    rollupOptions: {
      // The wizard is not named in the manifest: it opens in its own tab from the popup and the context menu.
      input: { wizard: fileURLToPath(new URL('wizard/index.html', import.meta.url)) },
    },
  },
  logLevel: 'warn',
});
