/**
 * A DuckDB session for `derive` and `synth`: local files only, no extension downloads, a memory
 * limit and a spill folder the caller chooses. Results come back as JSON-safe strings, so BIGINT
 * and DECIMAL values keep every digit.
 */
import os from "node:os";
// Before DuckDB loads: its allocator reads its settings once, when the library is loaded.
import "./allocator-settings.ts";
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from "@duckdb/node-api";

export interface SessionOptions {
  /** Worker threads; default: os.availableParallelism(). */
  threads?: number;
  /** DuckDB memory limit such as "4GB"; default: DuckDB's own (80 % of RAM). */
  memoryLimit?: string;
  /** Folder DuckDB spills to when a query outgrows the memory limit; default: the OS temp folder. */
  tempDirectory?: string;
  /** A database file to keep the loaded tables in (disk-backed); default: in memory. */
  databaseFile?: string;
  /** Keep rows in insertion order (needed to write byte-reproducible files); default false. */
  preserveOrder?: boolean;
  /** Aborting it interrupts the running query; the call then rejects with the signal's reason. */
  signal?: AbortSignal;
}

/** A value as DuckDB's JSON conversion gives it: strings for numbers too wide for a double. */
export type Cell = string | number | boolean | null;
export type ResultRow = Record<string, Cell>;

export interface Session {
  /** Runs one or more statements; returns nothing. */
  run(sql: string): Promise<void>;
  /** Runs one query and returns its rows, every value in DuckDB's JSON form. */
  all(sql: string): Promise<ResultRow[]>;
  /** Runs one query and returns its column names and rows. */
  table(sql: string): Promise<{ columns: string[]; rows: ResultRow[] }>;
  /** An appender that adds rows to an existing table, fast. */
  appender(table: string): Promise<DuckDBAppender>;
  /** The engine's version string, e.g. "v1.5.6". */
  version(): Promise<string>;
  close(): void;
}

/** Opens a DuckDB session configured for offline, bounded-memory work. */
export async function openSession(options: SessionOptions = {}): Promise<Session> {
  const config: Record<string, string> = {
    threads: String(options.threads ?? os.availableParallelism()),
    autoinstall_known_extensions: "false",
    autoload_known_extensions: "false",
    preserve_insertion_order: options.preserveOrder ? "true" : "false",
    temp_directory: options.tempDirectory ?? os.tmpdir(),
  };
  if (options.memoryLimit) config.memory_limit = options.memoryLimit;
  const instance = await DuckDBInstance.create(options.databaseFile ?? ":memory:", config);
  const connection: DuckDBConnection = await instance.connect();
  // Blocks freed by one query are kept for the next (see allocator-settings.ts), up to the memory
  // limit: DuckDB's own, whether the caller set it or DuckDB chose it.
  const limit = (await connection.runAndReadAll("SELECT current_setting('memory_limit') AS m")).getRowObjectsJson()[0]?.m;
  if (typeof limit === "string") await connection.run(`SET block_allocator_memory = ${sqlString(limit)}`);
  const signal = options.signal;
  // A query runs on DuckDB's threads, not Node's: a signal must interrupt it, or SIGTERM waits for the query.
  const interrupt = () => connection.interrupt();
  signal?.addEventListener("abort", interrupt, { once: true });
  /** Runs `work` unless aborted; a query failing because it was interrupted rejects with the abort's reason. */
  const guarded = async <T>(work: () => Promise<T>): Promise<T> => {
    signal?.throwIfAborted();
    try {
      return await work();
    } catch (err) {
      signal?.throwIfAborted();
      throw err;
    } finally {
      signal?.throwIfAborted();
    }
  };
  const table = (sql: string) =>
    guarded(async () => {
      const reader = await connection.runAndReadAll(sql);
      return { columns: reader.columnNames(), rows: reader.getRowObjectsJson() as ResultRow[] };
    });
  return {
    run: (sql) =>
      guarded(async () => {
        await connection.run(sql);
      }),
    all: async (sql) => (await table(sql)).rows,
    appender: (name) => guarded(() => connection.createAppender(name)),
    table,
    version: async () => String((await table("SELECT version() AS v")).rows[0]?.v ?? "unknown"),
    close: () => {
      signal?.removeEventListener("abort", interrupt);
      connection.closeSync();
      instance.closeSync();
    },
  };
}

/** Quotes a string as an SQL literal. */
export function sqlString(value: string): string {
  return `'${value.replace(/'/g, "''")}'`;
}

/** Quotes a name as an SQL identifier. */
export function sqlName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
