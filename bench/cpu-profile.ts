// A CPU profile of an extension page and of the dedicated workers it starts, over CDP (the benchmark's optional
// PIVOR_BENCH_PROFILE=folder): written as .cpuprofile files for Chrome's DevTools, and summed by function here.
// Workers are reached through the page's session (Target.setAutoAttach, messages wrapped for each worker).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CDPSession, Page } from 'playwright-core';

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number }
interface Profile { nodes: ProfileNode[]; samples?: number[]; timeDeltas?: number[]; startTime: number; endTime: number }

export interface Profiling {
  /** Stops every profile, writes them to `dir` and returns one summary line per thread. */
  stop(dir: string, name: string): Promise<string[]>;
}

export async function startProfiling(page: Page): Promise<Profiling> {
  const session = await page.context().newCDPSession(page);
  const workers = new Map<string, string>(); // sessionId → url
  let nextId = 1;
  const waiting = new Map<number, (result: unknown) => void>();
  const toWorker = (sessionId: string, method: string, params: object = {}) => {
    const id = nextId++;
    const answered = new Promise((resolve) => waiting.set(id, resolve));
    void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
    return answered;
  };
  session.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
    const message = JSON.parse(event.message) as { id?: number; result?: unknown };
    if (message.id !== undefined) waiting.get(message.id)?.(message.result);
  });
  session.on('Target.attachedToTarget', (event: { sessionId: string; targetInfo: { type: string; url: string } }) => {
    if (event.targetInfo.type !== 'worker') return;
    workers.set(event.sessionId, event.targetInfo.url);
    void toWorker(event.sessionId, 'Profiler.enable').then(() => toWorker(event.sessionId, 'Profiler.setSamplingInterval', { interval: 200 })).then(() => toWorker(event.sessionId, 'Profiler.start'));
  });
  await session.send('Target.setAutoAttach', { autoAttach: true, waitForDebuggerOnStart: false, flatten: false });
  await session.send('Profiler.enable');
  await session.send('Profiler.setSamplingInterval', { interval: 200 });
  await session.send('Profiler.start');
  return {
    async stop(dir, name) {
      const lines: string[] = [];
      const { profile } = (await session.send('Profiler.stop')) as unknown as { profile: Profile };
      lines.push(summarize('page', profile, join(dir, `${name}-page.cpuprofile`)));
      for (const [sessionId, url] of workers) {
        const result = (await Promise.race([toWorker(sessionId, 'Profiler.stop'), new Promise((r) => setTimeout(() => r(undefined), 2000))])) as { profile?: Profile } | undefined;
        if (result?.profile) lines.push(summarize(`worker ${url.split('/').pop()}`, result.profile, join(dir, `${name}-worker-${sessionId.slice(0, 6)}.cpuprofile`)));
        else lines.push(`worker ${url.split('/').pop()}: ended before its profile could be read`);
      }
      await session.detach();
      return lines;
    },
  };
}

/** Writes the profile and says how busy the thread was and in which functions (self time). */
function summarize(label: string, profile: Profile, file: string): string {
  writeFileSync(file, JSON.stringify(profile));
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map<string, number>();
  const deltas = profile.timeDeltas ?? [];
  (profile.samples ?? []).forEach((id, i) => {
    const frame = byId.get(id)!.callFrame;
    const key = frame.functionName === '(idle)' || frame.functionName === '(program)' || frame.functionName === '(garbage collector)'
      ? frame.functionName : `${frame.functionName || '(anonymous)'} ${frame.url.split('/').pop()}:${frame.lineNumber + 1}`;
    self.set(key, (self.get(key) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  });
  const wall = (profile.endTime - profile.startTime) / 1000;
  const busy = [...self].filter(([k]) => k !== '(idle)').reduce((sum, [, ms]) => sum + ms, 0);
  const top = [...self].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 12).map(([k, ms]) => `    ${ms.toFixed(0).padStart(6)} ms  ${k}`);
  return [`  ${label}: busy ${busy.toFixed(0)} ms of ${wall.toFixed(0)} ms (${file})`, ...top].join('\n');
}
