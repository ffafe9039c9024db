/**
 * greenbook's command line: `greenbook <command> [options]`.
 *
 *   data/*.csv + edition.yaml ──load+validate──▶ Dataset   (src/data)
 *   Dataset ──compute──▶ Stats ──claims──▶ Claims           (src/stats, src/claims)
 *   Stats ──charts──▶ SVG per figure and language            (src/charts)
 *   Stats + Claims + SVG + templates ──render──▶ HTML        (src/render)
 *   HTML ──print (Chromium + Paged.js)──▶ PDF                (src/print)
 *   PDF + HTML + inputs ──archive──▶ output/archive/<v>/      (src/archive)
 *
 * Each command lives in src/cli/commands/<name>.ts; the build orchestrator is src/build.
 */
import { parseArgs, type ParseArgsConfig } from "node:util";
import { formatProblem, GreenbookError, DataError, UsageError } from "../errors.ts";

export interface CommandContext {
  /** Parsed options (strings and booleans) and positional arguments. */
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  stdout: (line: string) => void;
  stderr: (line: string) => void;
}

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  run(ctx: CommandContext): Promise<number>;
}

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

/** Runs the CLI and returns the process exit code. */
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
    return await command.run({ values: values as CommandContext["values"], positionals, ...io });
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
  if (err instanceof UsageError || (err as { code?: string }).code?.startsWith("ERR_PARSE_ARGS")) {
    stderr(`greenbook ${name}: ${(err as Error).message}`);
    return 2;
  }
  if (err instanceof GreenbookError) {
    stderr(`greenbook ${name}: ${err.message}`);
    return 1;
  }
  stderr(`greenbook ${name}: internal error: ${(err as Error)?.stack ?? String(err)}`);
  return 70;
}
