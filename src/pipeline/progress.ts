/**
 * Build progress. On a terminal: one line per document, redrawn in place as it moves through its
 * stages. Elsewhere (a pipe, a log file, CI): plain lines, one per finished step. `quiet` prints
 * nothing; `verbose` adds every stage's start and time.
 */
export type Stage = "data" | "charts" | "render" | "print" | "write";

export interface ProgressEvent {
  /** e.g. "zh-HK/chapter"; "edition" for whole-build steps. */
  doc: string;
  stage: Stage;
  state: "start" | "done" | "cached";
  ms?: number;
  pages?: number;
  detail?: string;
}

export interface Reporter {
  event(e: ProgressEvent): void;
  /** A line that is not a progress step (warnings, the final summary). */
  line(text: string): void;
  /** Stops redrawing (the terminal keeps the final state). */
  finish(): void;
}

export interface ReporterOptions {
  quiet?: boolean;
  verbose?: boolean;
  /** Redraw in place; default: stdout is a terminal and CI is not set. */
  tty?: boolean;
  write?: (text: string) => void;
}

const secs = (ms?: number) => (ms === undefined ? "" : ` ${(ms / 1000).toFixed(2)} s`);

function describe(e: ProgressEvent): string {
  const what = e.state === "cached" ? `${e.stage} (unchanged, reused)` : e.state === "start" ? `${e.stage} …` : e.stage;
  const pages = e.pages ? `, ${e.pages} page${e.pages === 1 ? "" : "s"}` : "";
  return `${e.doc}: ${what}${pages}${e.detail ? ` ${e.detail}` : ""}${e.state === "start" ? "" : secs(e.ms)}`;
}

export function createReporter(options: ReporterOptions = {}): Reporter {
  const write = options.write ?? ((t: string) => process.stdout.write(t));
  if (options.quiet) return { event: () => undefined, line: () => undefined, finish: () => undefined };
  const tty = options.tty ?? (process.stdout.isTTY === true && !process.env.CI);
  if (!tty) {
    return {
      event: (e) => {
        if (e.state !== "start" || options.verbose) write(`${describe(e)}\n`);
      },
      line: (t) => write(`${t}\n`),
      finish: () => undefined,
    };
  }
  const rows = new Map<string, string>();
  let drawn = 0;
  const redraw = () => {
    let out = drawn ? `\x1b[${drawn}A` : "";
    for (const text of rows.values()) out += `\x1b[2K${text}\n`;
    drawn = rows.size;
    write(out);
  };
  return {
    event: (e) => {
      rows.set(e.doc, describe(e));
      redraw();
    },
    line: (t) => {
      write(`${t}\n`);
      drawn = 0;
      rows.clear();
    },
    finish: () => {
      drawn = 0;
      rows.clear();
    },
  };
}
