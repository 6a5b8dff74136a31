// Progress on stderr: a bar (cli-progress) on a terminal, otherwise a plain line every tenth of the way,
// so logs and CI output stay readable.
import cliProgress from 'cli-progress';
import { isTty } from './command-io.ts';

export interface ProgressDisplay {
  update(done: number, total: number, detail?: string): void;
  stop(): void;
}

export function progressDisplay(stream: NodeJS.WritableStream, label: string): ProgressDisplay {
  if (isTty(stream)) {
    const bar = new cliProgress.SingleBar(
      { stream, format: `${label} [{bar}] {value}/{total} {detail}`, hideCursor: true, clearOnComplete: false },
      cliProgress.Presets.shades_classic,
    );
    let started = false;
    return {
      update(done, total, detail = '') {
        if (!started) {
          bar.start(total, done, { detail });
          started = true;
        } else {
          bar.setTotal(total);
          bar.update(done, { detail });
        }
      },
      stop() {
        if (started) bar.stop();
      },
    };
  }
  let lastTenth = -1;
  return {
    update(done, total, detail = '') {
      const tenth = total === 0 ? 10 : Math.floor((done / total) * 10);
      if (tenth === lastTenth) return;
      lastTenth = tenth;
      stream.write(`${label}: ${done}/${total}${detail ? ` ${detail}` : ''}\n`);
    },
    stop() {},
  };
}

/** "120 rows/s, 8 s left" */
export function rateDetail(ratePerSec: number, etaSec: number | null): string {
  const rate = ratePerSec > 0 ? `${ratePerSec.toFixed(ratePerSec < 10 ? 1 : 0)} rows/s` : '';
  const eta = etaSec === null || etaSec === 0 ? '' : `${Math.ceil(etaSec)} s left`;
  return [rate, eta].filter(Boolean).join(', ');
}
