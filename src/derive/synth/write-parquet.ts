/**
 * Writes column-typed rows to a Parquet file through DuckDB's appender, single-threaded and in
 * insertion order, so the same rows give the same bytes.
 */
import { sqlName, sqlString, type Session } from "../session.ts";

export type ColumnKind = "bigint" | "double" | "varchar";
export type SynthRow = readonly (number | string | null)[];

/** Appends `rows` to a new table with `columns`, then copies it to `file` (zstd Parquet). */
export async function writeParquet(session: Session, file: string, columns: readonly (readonly [string, ColumnKind])[], rows: Iterable<SynthRow>): Promise<number> {
  const table = "__synth_out";
  await session.run(`DROP TABLE IF EXISTS ${table}; CREATE TABLE ${table} (${columns.map(([c, k]) => `${sqlName(c)} ${k.toUpperCase()}`).join(", ")})`);
  const appender = await session.appender(table);
  let count = 0;
  for (const row of rows) {
    for (const [k, [, kind]] of columns.entries()) {
      const v = row[k];
      if (v === null || v === undefined) appender.appendNull();
      else if (kind === "bigint") appender.appendBigInt(BigInt(v));
      else if (kind === "double") appender.appendDouble(Number(v));
      else appender.appendVarchar(String(v));
    }
    appender.endRow();
    count++;
  }
  appender.closeSync();
  await session.run(`COPY ${table} TO ${sqlString(file)} (FORMAT parquet, COMPRESSION zstd); DROP TABLE ${table}`);
  return count;
}
