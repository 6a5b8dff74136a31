// `npm run test:pivor`: the server-facing suites against a real Pivor (see README, "Testing against real Pivor").
// PIVOR_SERVER_DIR names a real-pivor folder whose start.sh each test file runs on a free port (fresh
// database per server a test asks for); PIVOR_TEST_URL names a running, throwaway Pivor instead.
import { defineConfig } from 'vitest/config';

if (!process.env.PIVOR_SERVER_DIR && !process.env.PIVOR_TEST_URL) {
  throw new Error('test:pivor needs a real Pivor: set PIVOR_SERVER_DIR (a real-pivor folder with start.sh) or PIVOR_TEST_URL (a running Pivor)');
}

export default defineConfig({
  test: {
    include: [
      'test/api/{auth,crud,list}.test.ts',
      'test/push/{journal-resume,plan,references,fixtures-round-trip,results-files}.test.ts',
      'test/export/export.test.ts',
      'test/cli-push/{push-cli,kill-resume,nothing-twice,dry-run}.test.ts',
      'test/extension/{wizard,mapping,resume,popup,context-menu,two-tabs,review-grid}.test.ts',
      'test/apps-script/{round-trip,pull,resources,sidebar,conflicts,scheduled-refresh,look-alikes}.test.ts',
      'test/real-pivor/**/*.test.ts',
    ],
    globalSetup: ['test/global-setup.ts', 'test/helpers/real-pivor-global-setup.ts'],
    // One real Pivor per worker; the files of a worker take turns with it.
    maxWorkers: 2,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
