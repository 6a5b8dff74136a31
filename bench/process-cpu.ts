// CPU time used by this process and everything it started (the sandbox, Chromium's processes), by role, read from
// /proc (Linux). Per row pushed it says what a side costs the machine whatever its load: wall-clock figures on a
// shared 2-core machine move with everyone else's work, CPU milliseconds per row much less so.
import { readdirSync, readFileSync } from 'node:fs';

export type CpuByRole = Record<string, number>;

const TICK_MS = 10; // USER_HZ is 100 on Linux

interface Proc {
  pid: number;
  ppid: number;
  cpuMs: number;
  role: string;
}

function readProc(pid: number): Proc | undefined {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    // Fields after the command's closing parenthesis: state ppid … utime(14) stime(15), counted from 1.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // Chromium's child processes rewrite their command line as one string joined by spaces.
    const cmdline = readFileSync(`/proc/${pid}/cmdline`, 'utf8').split(/[\0 ]/);
    return { pid, ppid: Number(fields[1]), cpuMs: (Number(fields[11]) + Number(fields[12])) * TICK_MS, role: roleOf(pid, cmdline) };
  } catch {
    return undefined; // gone meanwhile
  }
}

function roleOf(pid: number, cmdline: string[]): string {
  if (pid === process.pid) return 'bench (node)';
  if (cmdline.some((arg) => arg.endsWith('sandbox/main.ts'))) return 'sandbox';
  const type = cmdline.find((arg) => arg.startsWith('--type='))?.slice(7);
  if (!/chrom/i.test(cmdline[0] ?? '')) return 'other';
  if (type === undefined) return 'chromium browser';
  const sub = cmdline.find((arg) => arg.startsWith('--utility-sub-type='))?.slice(19).split('.')[0];
  return `chromium ${type}${sub ? ` (${sub})` : ''}`;
}

/** CPU milliseconds used so far by this process and its descendants, summed by role; {} where /proc is absent. */
export function cpuByRole(): CpuByRole {
  let pids: number[];
  try {
    pids = readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(Number);
  } catch {
    return {};
  }
  const procs = pids.map(readProc).filter((p): p is Proc => p !== undefined);
  const children = new Map<number, Proc[]>();
  for (const p of procs) children.set(p.ppid, [...(children.get(p.ppid) ?? []), p]);
  const totals: CpuByRole = {};
  const visit = (p: Proc) => {
    totals[p.role] = (totals[p.role] ?? 0) + p.cpuMs;
    for (const child of children.get(p.pid) ?? []) visit(child);
  };
  const self = procs.find((p) => p.pid === process.pid);
  if (self) visit(self);
  return totals;
}

/** CPU milliseconds per role between two readings, per `rows`. */
export function cpuPerRow(before: CpuByRole, after: CpuByRole, rows: number): CpuByRole {
  const per: CpuByRole = {};
  for (const [role, ms] of Object.entries(after)) {
    const used = ms - (before[role] ?? 0);
    if (used > 0) per[role] = used / rows;
  }
  return per;
}

/** "total 16.20: chromium renderer 6.75, chromium browser 3.47, …", largest first, shares under 0.05 ms left out. */
export function cpuSummary(cpu: CpuByRole | undefined): string {
  if (!cpu || Object.keys(cpu).length === 0) return '(no /proc here)';
  const total = Object.values(cpu).reduce((sum, ms) => sum + ms, 0);
  const parts = Object.entries(cpu).filter(([, ms]) => ms >= 0.05).sort((a, b) => b[1] - a[1]).map(([role, ms]) => `${role} ${ms.toFixed(2)}`);
  return `total ${total.toFixed(2)}: ${parts.join(', ')}`;
}
