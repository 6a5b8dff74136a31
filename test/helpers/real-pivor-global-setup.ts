// Global setup of `npm run test:pivor` with PIVOR_SERVER_DIR: starts one real Pivor per test worker (test files
// of one worker run one after another, each asking for a fresh database), and stops them all at the end.
import type { TestProject } from 'vitest/node';
import { startRealPivor, type RealPivorInfo } from './real-pivor.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    realPivorServers: RealPivorInfo[];
  }
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const serverDir = process.env.PIVOR_SERVER_DIR;
  if (!serverDir) {
    project.provide('realPivorServers', []);
    return async () => {};
  }
  const workers = Math.max(1, Number(project.config.maxWorkers) || 1);
  const started = await Promise.allSettled(Array.from({ length: workers }, () => startRealPivor(serverDir)));
  const servers = started.flatMap((s) => (s.status === 'fulfilled' ? [s.value] : []));
  const stopAll = async () => {
    await Promise.all(servers.map((s) => s.stop()));
  };
  const failed = started.find((s) => s.status === 'rejected');
  if (failed) {
    await stopAll();
    throw failed.reason;
  }
  project.provide('realPivorServers', servers.map((s) => s.info));
  return stopAll;
}
