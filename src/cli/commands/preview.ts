import { watchEdition } from "../../pipeline/watch-edition.ts";
import { UsageError } from "../../errors.ts";
import { startPreview } from "../../preview/preview-server.ts";
import { PAGED_JS, type PrintJob } from "../../print/print-pdf.ts";
import type { Command } from "../command.ts";
import { interruption, whenAborted } from "../interrupt.ts";
import { resolveConfig, SHARED_OPTIONS } from "../resolve-config.ts";
import { describeBuild } from "./watch.ts";


export const preview: Command = {
  summary: "Builds and watches like `watch`, and serves the output on http://127.0.0.1 (never on other interfaces): the HTML editions and each chapter's paged print view, reloading in the browser after every rebuild.",
  usage: "[--port N] [--chapter DIR] [--data DIR] [--out DIR] [--templates DIR]",
  options: { port: { type: "string" }, ...SHARED_OPTIONS },
  cancellable: true,
  async run({ values, stdout, stderr, signal }) {
    const port = Number(values.port ?? 4173);
    if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a port number, got "${String(values.port)}"`);
    const config = await resolveConfig(values);
    const outDir = config.outDir;
    // HTML of a build still printing: shown at once from memory, dropped when the build ends (its files are then on disk, or it failed).
    let fresh: ReadonlyMap<string, Uint8Array> = new Map();
    // Listen first: a port already taken fails here, before a watcher and its browser exist to keep the process alive.
    let printJobs: () => ReadonlyMap<string, PrintJob> = () => new Map();
    const server = await startPreview({
      outDir,
      port,
      printJobs: () => printJobs(),
      fresh: () => fresh,
      pagedScript: PAGED_JS,
    });
    const watcher = watchEdition({
      ...config,
      onHtml: (files) => {
        fresh = files;
        server.reload();
      },
      onBuild: (report) => {
        fresh = new Map();
        describeBuild(report).forEach((l) => stdout(l));
        server.reload();
      },
      onWarning: (line) => stderr(line),
    });
    printJobs = () => watcher.engine.printJobs;
    stdout(`preview on ${server.url} (Ctrl-C to stop)`);
    const reason = await whenAborted(signal);
    await server.close();
    await watcher.close();
    return interruption(reason, signal)?.exitCode ?? 0;
  },
};
