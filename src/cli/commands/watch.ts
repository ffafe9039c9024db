import path from "node:path";
import { watchEdition, type WatchReport } from "../../pipeline/watch-edition.ts";
import type { Command } from "../command.ts";
import { interruption, whenAborted } from "../interrupt.ts";
import { resolveConfig, SHARED_OPTIONS } from "../resolve-config.ts";

/** One line per build: what changed and how long it took, or the error (outputs kept). */
export function describeBuild(report: WatchReport): string[] {
  const secs = `${(report.ms / 1000).toFixed(2)} s`;
  if (!report.ok) return [`✗ build failed after ${secs}; the last good outputs are unchanged:`, ...(report.error ?? "").split("\n").map((l) => `  ${l}`)];
  const what = report.rebuilt.length ? `rebuilt ${report.rebuilt.join(", ")}` : "nothing changed";
  return [`✓ ${what} in ${secs}${report.reused.length ? ` (reused ${report.reused.join(", ")})` : ""}`];
}

export const watch: Command = {
  summary: "Builds, then rebuilds whatever a saved change under the data or template folder affects, printing what it rebuilt and how long it took. A broken save reports the error and keeps the last good output. Ctrl-C stops.",
  usage: "[--chapter DIR] [--data DIR] [--out DIR] [--templates DIR] [--browser-ws URL]",
  options: { ...SHARED_OPTIONS, "browser-ws": { type: "string" } },
  cancellable: true,
  async run({ values, stdout, stderr, signal }) {
    const config = await resolveConfig(values);
    const { dataDir, templatesDir } = config;
    stdout(`watching ${path.relative(process.cwd(), dataDir) || dataDir}/ and ${path.relative(process.cwd(), templatesDir) || templatesDir}/ (Ctrl-C to stop)`);
    const watcher = watchEdition({
      ...config,
      browserWSEndpoint: values["browser-ws"] as string | undefined,
      onBuild: (report) => describeBuild(report).forEach((l) => stdout(l)),
      onWarning: (line) => stderr(line),
    });
    // Until Ctrl-C (or SIGTERM): the build running then is cancelled, its outputs discarded.
    const reason = await whenAborted(signal);
    await watcher.close();
    return interruption(reason, signal)?.exitCode ?? 0;
  },
};
