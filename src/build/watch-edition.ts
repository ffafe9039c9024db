/**
 * Watch mode: one warm engine (browser and stage cache kept between builds); every saved change
 * under data/ or templates/ rebuilds what it affects. HTML is written first, then the PDFs. A
 * broken save reports its error and leaves the last good outputs in place.
 */
import { createHash } from "node:crypto";
import { watch, type FSWatcher } from "node:fs";
import { readFileSync } from "node:fs";
import path from "node:path";
import { formatProblem, DataError, GreenbookError } from "../errors.ts";
import { BuildEngine, type BuildOptions, type BuildResult } from "./build-edition.ts";

export interface WatchReport {
  ok: boolean;
  ms: number;
  /** Output files whose content changed in this build (relative to the output folder). */
  rebuilt: string[];
  /** Documents whose PDF was reused because their inputs did not change. */
  reused: string[];
  error?: string;
  result?: BuildResult;
}

export interface WatchOptions extends BuildOptions {
  /** Called after every build, good or bad. */
  onBuild?: (report: WatchReport) => void;
  /** Called as soon as a build has written its HTML (before the PDFs). */
  onHtml?: (files: string[]) => void;
  /** Milliseconds to wait for more changes before rebuilding; default 120. */
  debounceMs?: number;
}

export interface Watcher {
  /** Resolves when the first build has finished. */
  ready: Promise<WatchReport>;
  engine: BuildEngine;
  /** Rebuilds now (as if a file had changed); resolves with that build's report. */
  rebuild(): Promise<WatchReport>;
  close(): Promise<void>;
}

function describeError(err: unknown): string {
  if (err instanceof DataError) return err.problems.map(formatProblem).join("\n");
  if (err instanceof GreenbookError) return err.message;
  return (err as Error)?.stack ?? String(err);
}

export function watchEdition(options: WatchOptions): Watcher {
  const engine = new BuildEngine(options);
  const hashes = new Map<string, string>();
  let running: Promise<WatchReport> | undefined;
  let pending = false;
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const once = async (): Promise<WatchReport> => {
    const t = performance.now();
    try {
      const result = await engine.build({ htmlFirst: true, onHtmlWritten: options.onHtml });
      const rebuilt: string[] = [];
      for (const f of result.files) {
        const h = createHash("sha256").update(readFileSync(f.path)).digest("hex");
        const rel = path.relative(options.outDir, f.path).split(path.sep).join("/");
        if (hashes.get(rel) !== h) rebuilt.push(rel);
        hashes.set(rel, h);
      }
      return { ok: true, ms: performance.now() - t, rebuilt, reused: result.reused, result };
    } catch (err) {
      return { ok: false, ms: performance.now() - t, rebuilt: [], reused: [], error: describeError(err) };
    }
  };

  const rebuild = (): Promise<WatchReport> => {
    if (running) {
      pending = true;
      return running.then(() => rebuild());
    }
    running = once().then((report) => {
      running = undefined;
      options.onBuild?.(report);
      if (pending && !closed) {
        pending = false;
        void rebuild();
      }
      return report;
    });
    return running;
  };

  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void rebuild(), options.debounceMs ?? 120);
  };

  const watchers: FSWatcher[] = [options.dataDir, options.templatesDir].map((dir) =>
    watch(dir, { recursive: true }, (_event, file) => {
      // Editors' swap and backup files are not inputs.
      if (file && /(^|\/)(\.|#)|~$|\.swp$/.test(String(file))) return;
      schedule();
    }),
  );

  return {
    ready: rebuild(),
    engine,
    rebuild,
    close: async () => {
      closed = true;
      clearTimeout(timer);
      for (const w of watchers) w.close();
      await running?.catch(() => undefined);
      await engine.close();
    },
  };
}
