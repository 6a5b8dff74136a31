// google.script.run for the sidebar's own RPC code run in Node: handlers are called back asynchronously,
// with the value the harness's model of Google hands over, or with an Error on the failure path.
import type { GasEnvironment } from './gas-environment.ts';

type Handler = ((value: unknown) => void) | null;

export function scriptRun(gas: GasEnvironment, calls: string[] = []): unknown {
  const make = (success: Handler, failure: Handler): unknown =>
    new Proxy({
      withSuccessHandler: (fn: Handler) => make(fn, failure),
      withFailureHandler: (fn: Handler) => make(success, fn),
    } as Record<string, unknown>, {
      get(target, name) {
        if (typeof name !== 'string' || name in target) return target[name as string];
        return (...args: unknown[]) => {
          calls.push(name);
          gas.run(name, ...args).then(
            (value) => setImmediate(() => success?.(value)),
            (error: unknown) => setImmediate(() => failure?.(error instanceof Error ? error : new Error(String(error)))),
          );
        };
      },
    });
  return make(null, null);
}
