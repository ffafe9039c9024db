/**
 * Watch mode: one warm engine (browser and stage cache kept between builds); every saved change
 * under the data or template folder rebuilds what it affects. Saves are coalesced and a save
 * during a build cancels it (RebuildQueue); the new HTML is handed over from memory at once, and
 * the output folder changes only when the whole build succeeds, so it never mixes two versions.
 * A broken save reports its error and leaves the last good outputs in place.
 */
import chokidar, { type FSWatcher } from "chokidar";
import { readFileSync } from "node:fs";
import path from "node:path";
import { formatProblem, DataError, GreenbookError } from "../errors.ts";
import { sha256 } from "../io/hash.ts";
import { BuildEngine, type BuildOptions, type BuildResult } from "./build-edition.ts";
import { RebuildQueue } from "./rebuild-queue.ts";
import { followReplaced } from "./follow-replaced.ts";
import { messages } from "../messages.ts";

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
  /** Called as soon as a build has rendered its HTML (before the PDFs), with the new files by path in the output folder. */
  onHtml?: (files: ReadonlyMap<string, Uint8Array>) => void;
  /** Milliseconds to wait for more changes before rebuilding; default 120. */
  debounceMs?: number;
  /** The engine to build with (tests inject one); default a BuildEngine on these options. */
  engine?: WatchEngine;
  /** Problems of the watching itself (a watcher error such as EMFILE), one line each. */
  onWarning?: (line: string) => void;
  /** How folders are watched (tests reach the watcher through it); default chokidar.watch. */
  watchFiles?: typeof chokidar.watch;
}

/** What watch needs of an engine. */
export type WatchEngine = Pick<BuildEngine, "build" | "close" | "printJobs">;

export interface Watcher {
  /** Resolves when the first build has finished. */
  ready: Promise<WatchReport>;
  engine: WatchEngine;
  /** Builds started so far. */
  readonly builds: number;
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
  const engine: WatchEngine = options.engine ?? new BuildEngine(options);
  const hashes = new Map<string, string>();
  let timer: NodeJS.Timeout | undefined;
  let closed = false;

  const once = async (signal: AbortSignal): Promise<WatchReport> => {
    const t = performance.now();
    try {
      const result = await engine.build({ onHtmlRendered: options.onHtml, signal });
      const rebuilt: string[] = [];
      for (const f of result.files) {
        const h = sha256(readFileSync(f.path));
        const rel = path.relative(options.outDir, f.path).split(path.sep).join("/");
        if (hashes.get(rel) !== h) rebuilt.push(rel);
        hashes.set(rel, h);
      }
      return { ok: true, ms: performance.now() - t, rebuilt, reused: result.reused, result };
    } catch (err) {
      return { ok: false, ms: performance.now() - t, rebuilt: [], reused: [], error: signal.aborted ? "cancelled: an input changed during the build" : describeError(err) };
    }
  };
  const queue = new RebuildQueue(once, (report) => options.onBuild?.(report));

  const schedule = () => {
    if (closed) return;
    clearTimeout(timer);
    timer = setTimeout(() => void queue.request(), options.debounceMs ?? 120);
  };

  const dirs = [options.dataDir ?? options.chapter.dataDir, options.templatesDir ?? options.chapter.templatesDir];
  const watcher: FSWatcher = (options.watchFiles ?? chokidar.watch)(dirs, {
    ignoreInitial: true,
    // Editors' swap and backup files are not inputs.
    ignored: (file: string) => /(^|[\\/])(\.|#)[^\\/]*$|~$|\.swp$/.test(path.basename(file)) && !dirs.includes(file),
    // Waits for writes to settle.
    awaitWriteFinish: { stabilityThreshold: 50, pollInterval: 20 },
  });
  // A watcher error (EMFILE: too many open files) is reported, and a rebuild catches up on what it may have missed.
  const warn = (err: unknown) => {
    if (closed) return;
    options.onWarning?.(messages.watchError(String((err as Error)?.message ?? err).split("\n")[0]!));
    schedule();
  };
  watcher.on("all", () => schedule());
  watcher.on("error", warn);
  // chokidar keeps watching a folder that was replaced (git checkout, rsync): watch the new one, and rebuild from it.
  const stopFollowing = followReplaced(dirs, {
    readd: (dir) => {
      if (closed) return;
      void Promise.resolve(watcher.unwatch(dir)).then(() => {
        watcher.add(dir);
        schedule();
      });
    },
    onError: warn,
  });

  return {
    ready: queue.request(),
    engine,
    get builds() {
      return queue.builds;
    },
    rebuild: () => queue.request(),
    close: async () => {
      closed = true;
      clearTimeout(timer);
      stopFollowing();
      await watcher.close();
      await queue.close();
      await engine.close();
    },
  };
}
