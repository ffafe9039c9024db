import path from "node:path";
import { renderExtractSql } from "../../derive/render-extract-sql.ts";
import { resolveParameters } from "../../derive/resolve-parameters.ts";
import { loadDeriveSpec } from "../../derive/spec.ts";
import { UsageError } from "../../errors.ts";
import type { Command } from "../command.ts";
import { defaultSpec } from "./derive.ts";

export const extractSql: Command = {
  summary:
    "Prints the SQL that cuts the chapter's cohort out of the full Revelio tables where the licensed data sits (Snowflake, Trino/Athena, Postgres/WRDS), so only the cohort is downloaded for `greenbook derive`. --table positions=DB.SCHEMA.TABLE overrides a table name.",
  usage: "--target snowflake|trino|postgres [--params FILE] [--spec FILE] [--table NAME=TABLE ...]",
  options: { target: { type: "string" }, params: { type: "string" }, spec: { type: "string" }, chapter: { type: "string" }, table: { type: "string", multiple: true } },
  async run({ values, stdout }) {
    if (values.target === undefined) throw new UsageError("--target is required (snowflake, trino or postgres)");
    const spec = loadDeriveSpec(path.resolve(String(values.spec ?? defaultSpec(values))));
    const parameters = resolveParameters(spec, values.params === undefined ? undefined : path.resolve(String(values.params)));
    const tables: Record<string, string> = {};
    for (const t of (values.table as string[] | undefined) ?? []) {
      const m = /^(\w+)=(.+)$/.exec(t);
      if (!m) throw new UsageError(`--table must be NAME=TABLE, got "${t}"`);
      tables[m[1]!] = m[2]!;
    }
    stdout(renderExtractSql(spec, parameters, String(values.target), tables).trimEnd());
    return 0;
  },
};
