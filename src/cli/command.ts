/** The contract of a command of the CLI (src/cli/commands/<name>.ts). */
import type { ParseArgsConfig } from "node:util";

export interface CommandContext {
  /** Parsed options (strings and booleans) and positional arguments. */
  values: Record<string, string | boolean | string[] | undefined>;
  positionals: string[];
  stdout: (line: string) => void;
  stderr: (line: string) => void;
  /** Aborted when the user stops greenbook (Ctrl-C, SIGTERM); its reason is an Interrupted. */
  signal: AbortSignal;
}

export interface Command {
  summary: string;
  usage: string;
  options: NonNullable<ParseArgsConfig["options"]>;
  /** The command stops cleanly when its `signal` is aborted; others exit at once on a signal (exit cleanups still run). */
  cancellable?: boolean;
  run(ctx: CommandContext): Promise<number>;
}
