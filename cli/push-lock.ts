// One push at a time per server and resource: a lock file (locks/<hash>.json in the config folder) made with
// O_EXCL, holding who pushes (process, host, file, since when). A second run is refused with those details;
// a lock whose process is gone (killed, crashed) is taken over: moved aside atomically, so of two runs taking
// over at once only one wins, and one found to be alive after all is put back.
import { createHash } from 'node:crypto';
import { link, open, readFile, rename, rm } from 'node:fs/promises';
import { unlinkSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { configDir, privateDir, type Env } from './config-dir.ts';

export interface LockHolder {
  pid: number;
  host: string;
  since: string;
  file: string;
}

export class PushLockedError extends Error {
  constructor(readonly what: string, readonly holder: LockHolder) {
    super(`another pivor-csv push of ${what} is running (process ${holder.pid}${holder.host !== hostname() ? ` on ${holder.host}` : ''}, ` +
      `since ${holder.since.replace('T', ' ').replace(/\.\d+Z$/, ' UTC')}, file ${holder.file}): wait for it to finish, then run this again.`);
  }
}

export interface PushLock {
  /** Set when a lock left by a process that is gone was taken over: for telling the user. */
  tookOver?: LockHolder;
  release(): void;
}

export async function acquirePushLock(env: Env, server: string, resource: string, file: string): Promise<PushLock> {
  const dir = await privateDir(join(configDir(env), 'locks'));
  const path = join(dir, `${createHash('sha256').update(`${server}\n${resource}`).digest('hex').slice(0, 32)}.json`);
  const me: LockHolder = { pid: process.pid, host: hostname(), since: new Date().toISOString(), file };
  const what = `${resource} to ${server.replace(/\/api$/, '')}`;
  let tookOver: LockHolder | undefined;
  for (let attempt = 0; attempt < 5; attempt += 1) {
    if (await create(path, me)) return held(path, me, tookOver);
    const holder = await readHolder(path);
    if (holder === undefined) continue; // released meanwhile
    if (holder === null && attempt < 3) {
      await pause(50); // being written by its owner
      continue;
    }
    // Still unreadable: its owner died between making and writing it.
    const owner = holder ?? { pid: -1, host: hostname(), since: '', file: '' };
    if (alive(owner)) throw new PushLockedError(what, owner);
    const moved = await takeAside(path, owner);
    if (moved === 'alive') throw new PushLockedError(what, (await readHolder(path)) ?? owner);
    if (holder) tookOver = holder;
  }
  throw new Error(`could not take the push lock for ${what} (${path}): another run keeps taking it`);
}

async function create(path: string, me: LockHolder): Promise<boolean> {
  try {
    const handle = await open(path, 'wx', 0o600);
    try {
      await handle.writeFile(JSON.stringify(me));
    } finally {
      await handle.close();
    }
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** The lock's holder; null when the file is there but not (yet) readable as one; undefined when there is none. */
async function readHolder(path: string): Promise<LockHolder | null | undefined> {
  try {
    return parse(await readFile(path, 'utf8'));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

function parse(text: string): LockHolder | null {
  try {
    const data = JSON.parse(text) as Partial<LockHolder>;
    return typeof data.pid === 'number' ? { pid: data.pid, host: String(data.host ?? ''), since: String(data.since ?? ''), file: String(data.file ?? '') } : null;
  } catch {
    return null;
  }
}

/** Moves a dead holder's lock aside; if what was moved is a live holder's (it took over first), puts it back. */
async function takeAside(path: string, dead: LockHolder): Promise<'moved' | 'alive'> {
  const aside = `${path}.${process.pid}.stale`;
  try {
    await rename(path, aside);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return 'moved';
    throw error;
  }
  const moved = parse(await readFile(aside, 'utf8').catch(() => ''));
  if (moved && (moved.pid !== dead.pid || moved.since !== dead.since) && alive(moved)) {
    await link(aside, path).catch(() => undefined);
    await rm(aside, { force: true });
    return 'alive';
  }
  await rm(aside, { force: true });
  return 'moved';
}

function held(path: string, me: LockHolder, tookOver: LockHolder | undefined): PushLock {
  let released = false;
  const release = () => {
    if (released) return;
    released = true;
    process.off('exit', release);
    try {
      // Only our own lock: never one a later run took over after ours was judged stale.
      const current = parse(readFileSync(path, 'utf8'));
      if (current?.pid === me.pid && current.since === me.since) unlinkSync(path);
    } catch {
      // already gone
    }
  };
  process.on('exit', release);
  return { ...(tookOver ? { tookOver } : {}), release };
}

/** Whether the holder's process still runs. A holder on another host cannot be checked: it counts as running. */
function alive(holder: LockHolder): boolean {
  if (holder.host !== hostname()) return true;
  if (holder.pid === process.pid || holder.pid <= 0) return false;
  try {
    process.kill(holder.pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function pause(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
