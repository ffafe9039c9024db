/**
 * greenbook's command line: `greenbook <command> [options]`. Each command lives in
 * src/cli/commands/<name>.ts and resolves its options once (resolve-config.ts); the stages are
 * drawn in the orchestrator, src/pipeline/build-edition.ts.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { escapeControls } from "../escape-controls.ts";
import { formatProblem, GreenbookError, DataError, UsageError } from "../errors.ts";

export type { Command, CommandContext } from "./command.ts";
import type { Command, CommandContext } from "./command.ts";
import { interruption, trapSignals } from "./interrupt.ts";

const COMMANDS: Record<string, () => Promise<Command>> = {
  check: async () => (await import("./commands/check.ts")).check,
  build: async () => (await import("./commands/build.ts")).build,
  charts: async () => (await import("./commands/charts.ts")).charts,
  archive: async () => (await import("./commands/archive.ts")).archive,
  diff: async () => (await import("./commands/diff.ts")).diff,
  watch: async () => (await import("./commands/watch.ts")).watch,
  preview: async () => (await import("./commands/preview.ts")).preview,
  derive: async () => (await import("./commands/derive.ts")).derive,
  synth: async () => (await import("./commands/synth.ts")).synth,
  "extract-sql": async () => (await import("./commands/extract-sql.ts")).extractSql,
};

function help(): string {
  return [
    "usage: greenbook <command> [options]",
    "",
    "commands:",
    "  check     validate data/, compute statistics, evaluate claims, report differences from the published chapter",
    "  build     build the chapter and handout, PDF and HTML, per language, into output/",
    "  charts    render the figures as SVG and PNG",
    "  archive   build and store an immutable, versioned release under output/archive/",
    "  diff      compare two archived versions",
    "  watch     rebuild on every saved change to data/ or templates/",
    "  preview   serve output/ on 127.0.0.1 with live reload",
    "  derive    compute the LinkedIn tables from a panel extract into data/ (DuckDB)",
    "  synth     write a seeded synthetic panel extract calibrated to the published tables",
    "  extract-sql  print the SQL that cuts the Hong Kong cohort where the licensed data sits",
    "",
    "run `greenbook <command> --help` for a command's options",
  ].join("\n");
}

/**
 * Runs the CLI and returns the process exit code. While the command runs, SIGINT, SIGTERM and
 * SIGHUP stop it cleanly (interrupt.ts) and it returns 128 + the signal's number.
 */
export async function main(argv: string[], io: Pick<CommandContext, "stdout" | "stderr"> = { stdout: (l) => console.log(l), stderr: (l) => console.error(l) }): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === "--help" || name === "-h" || name === "help") {
    io.stdout(help());
    return name ? 0 : 2;
  }
  const load = COMMANDS[name];
  if (!load) {
    io.stderr(`greenbook: unknown command "${name}"\n\n${help()}`);
    return 2;
  }
  let command: Command;
  try {
    command = await load();
  } catch (err) {
    io.stderr(`greenbook ${name}: not available: ${(err as Error).message}`);
    return 2;
  }
  try {
    const { values, positionals } = parseArgs({ args: rest, options: { ...command.options, help: { type: "boolean", short: "h" } }, allowPositionals: true, strict: true });
    if (values.help) {
      io.stdout(`usage: greenbook ${name} ${command.usage}\n\n${command.summary}`);
      return 0;
    }
    // Ending at once (cleanup overran, or a second signal) still says why: a script's log shows more than an exit code.
    const trap = trapSignals({
      graceMs: command.cancellable ? undefined : 0,
      exit: (reason) => {
        io.stderr(`greenbook ${name}: ${reason.message}`);
        process.exit(reason.exitCode);
      },
    });
    try {
      return await command.run({ values: values as CommandContext["values"], positionals, ...io, signal: trap.signal });
    } catch (err) {
      const stopped = interruption(err, trap.signal);
      if (!stopped) throw err;
      io.stderr(`greenbook ${name}: ${stopped.message}`);
      return stopped.exitCode;
    } finally {
      trap.dispose();
    }
  } catch (err) {
    return reportError(err, name, io.stderr);
  }
}

/** Prints an error the way users see it and returns the exit code. */
export function reportError(err: unknown, name: string, stderr: (line: string) => void): number {
  if (err instanceof DataError) {
    stderr(`greenbook ${name}: ${err.problems.length} problem${err.problems.length === 1 ? "" : "s"} in the data:`);
    for (const p of err.problems) stderr(formatProblem(p));
    return 1;
  }
  // Messages may quote input (an option value, a path): no control character reaches the terminal.
  const safe = (text: string) => text.split("\n").map(escapeControls).join("\n");
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    stderr(`greenbook ${name}: ${safe((err as Error).message)}`);
    return 2;
  }
  if (err instanceof GreenbookError) {
    stderr(`greenbook ${name}: ${safe(err.message)}`);
    return 1;
  }
  stderr(`greenbook ${name}: internal error: ${safe((err as Error)?.stack ?? String(err))}`);
  return 70;
}
