import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    // Real Pivor's own checks belong to `npm run test:pivor` (vitest.pivor.config.ts).
    exclude: ['test/real-pivor/**', '**/node_modules/**'],
    globalSetup: ['test/global-setup.ts'],
    // vitest's default on a 2-core machine is one worker; the suites mostly wait on servers and browsers
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
