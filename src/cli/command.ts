/** The contract of a command of the CLI (src/cli/commands/<name>.ts). */
import type { ParseArgsConfig } from "node:util";

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
