// The sandbox's in-process API: start a Pivor-compatible server for tests, benchmarks and the demo.
export { startSandbox } from './start-sandbox.ts';
export type { FaultOptions, Sandbox, SandboxOptions, SandboxStats, SeedName } from './options.ts';
export type { PageLinksMode } from './resources/paginate.ts';
export { demoUsers, demoPassword } from './seed/seed-users.ts';
