/**
 * Progress of long account listings, on stderr. On a TTY one line redraws in place (a bar when the total is known, a
 * running count when it is not); anywhere else (CI logs, tests) plain lines at fixed count steps, so logs stay short
 * and deterministic.
 */
import type { Io } from '../../shared/io.js';

export interface ProgressTask {
  /** Adds `count` done items (pages, dashboards); `detail` is what they hold, e.g. "12,000 metrics". */
  advance(count: number, detail?: string): void;
  /** The closing line. */
  done(summary: string): void;
}

export interface Progress {
  /** `unit` names what is counted (`pages`, `dashboards`). */
  start(label: string, total: number | undefined, unit: string): ProgressTask;
  /** A message that must not be overdrawn by the bar (a retry notice). */
  note(message: string): void;
}

/** Reports nothing: for library callers that want data only. */
export const silentProgress: Progress = {
  start: () => ({ advance: () => {}, done: () => {} }),
  note: () => {},
};

const BAR_WIDTH = 24;
const REDRAW_INTERVAL_MS = 100;

export function createProgress(io: Io, options: { readonly lineEvery?: number } = {}): Progress {
  return io.stderr.isTTY === true ? new TtyProgress(io) : new PlainProgress(io, options.lineEvery ?? 100);
}

export function formatCount(count: number): string {
  return count.toLocaleString('en-US');
}

class PlainProgress implements Progress {
  constructor(
    private readonly io: Io,
    private readonly lineEvery: number,
  ) {}

  start(label: string, total: number | undefined, unit: string): ProgressTask {
    let done = 0;
    const io = this.io;
    const lineEvery = this.lineEvery;
    return {
      advance(count, detail) {
        const before = Math.floor(done / lineEvery);
        done += count;
        if (Math.floor(done / lineEvery) > before) {
          const of = total === undefined ? '' : ` of ${formatCount(total)}`;
          io.stderr.write(`${label}: ${formatCount(done)}${of} ${unit}${detail ? ` (${detail})` : ''}\n`);
        }
      },
      done(summary) {
        io.stderr.write(`${label}: ${summary}\n`);
      },
    };
  }

  note(message: string): void {
    this.io.stderr.write(`${message}\n`);
  }
}

class TtyProgress implements Progress {
  private current = '';

  constructor(private readonly io: Io) {}

  start(label: string, total: number | undefined, unit: string): ProgressTask {
    let done = 0;
    let lastDraw = 0;
    const draw = (detail: string | undefined) => {
      let line = `${label} `;
      if (total !== undefined && total > 0) {
        const filled = Math.round((Math.min(done, total) / total) * BAR_WIDTH);
        line += `[${'#'.repeat(filled)}${'-'.repeat(BAR_WIDTH - filled)}] ${formatCount(done)}/${formatCount(total)} ${unit}`;
      } else {
        line += `${formatCount(done)} ${unit}`;
      }
      this.redraw(detail ? `${line} ${detail}` : line);
    };
    draw(undefined);
    return {
      advance: (count, detail) => {
        done += count;
        const now = Date.now();
        if (now - lastDraw >= REDRAW_INTERVAL_MS || (total !== undefined && done >= total)) {
          lastDraw = now;
          draw(detail);
        }
      },
      done: (summary) => {
        this.redraw('');
        this.io.stderr.write(`${label}: ${summary}\n`);
      },
    };
  }

  note(message: string): void {
    const line = this.current;
    this.redraw('');
    this.io.stderr.write(`${message}\n`);
    this.redraw(line);
  }

  private redraw(line: string): void {
    this.current = line;
    this.io.stderr.write(`\r\u001b[K${line}`);
  }
}
