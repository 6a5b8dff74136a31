// Builds the Node entry points (the pivor-csv command and the sandbox server) into dist/node as plain ES modules.
import { defineConfig } from 'vite';

export default defineConfig({
  build: {
    ssr: true,
    target: 'node20',
    outDir: 'dist/node',
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    rollupOptions: {
      input: { 'pivor-csv': 'cli/pivor-csv.ts', sandbox: 'sandbox/main.ts' },
      output: { format: 'es', entryFileNames: '[name].mjs', banner: (chunk) => (chunk.name === 'pivor-csv' ? '#!/usr/bin/env node' : '') },
    },
  },
  logLevel: 'warn',
});
