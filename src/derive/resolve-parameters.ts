/**
 * The parameters of a derivation: the spec's documented defaults, overridden by a parameters
 * file. Scalars become the columns of a one-row table `param`; table parameters become tables
 * `param_<name>`. Stage SQL reads them with ordinary joins, which every SQL engine supports.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { DataError, type Problem } from "../errors.ts";
import { messages } from "../messages.ts";
import { sqlName, sqlString, type Session } from "./session.ts";
import type { DeriveSpec, ParameterSpec } from "./spec.ts";

export type ParameterValue = string | number | Record<string, string | number | null>[];
export type Parameters = Record<string, ParameterValue>;

const DATE = /^\d{4}-\d{2}-\d{2}$/;

function checkValue(spec: ParameterSpec, value: unknown): string | undefined {
  switch (spec.type) {
    case "date":
      return typeof value === "string" && DATE.test(value) && !Number.isNaN(Date.parse(value)) ? undefined : "a date YYYY-MM-DD";
    case "integer":
      return Number.isInteger(value) ? undefined : "a whole number";
    case "number":
      return typeof value === "number" && Number.isFinite(value) ? undefined : "a number";
    case "text":
      if (typeof value !== "string") return "text";
      return spec.choices && !spec.choices.includes(value) ? `one of ${spec.choices.join(", ")}` : undefined;
    case "table": {
      const names = Object.keys(spec.columns).join(", ");
      const ok = Array.isArray(value) && value.every((r) => r && typeof r === "object" && Object.keys(r).every((k) => k in spec.columns) && Object.keys(spec.columns).every((k) => k in r));
      return ok ? undefined : `a list of rows with ${names}`;
    }
  }
}

/** The defaults overridden by `file` (a YAML map of parameter name → value), validated. */
export function resolveParameters(spec: DeriveSpec, file?: string): Parameters {
  const values: Parameters = Object.fromEntries(Object.entries(spec.parameters).map(([k, p]) => [k, p.default as ParameterValue]));
  if (!file) return values;
  const shown = path.relative(process.cwd(), file) || file;
  let overrides: unknown;
  try {
    overrides = parse(fs.readFileSync(file, "utf8")) ?? {};
  } catch (err) {
    throw new DataError([{ file: shown, message: messages.yamlSyntax(String((err as Error).message).split("\n")[0] ?? "") }], { cause: err });
  }
  if (typeof overrides !== "object" || Array.isArray(overrides)) throw new DataError([{ file: shown, message: messages.yamlField("a map of parameter names to values", overrides) }]);
  const problems: Problem[] = [];
  for (const [name, value] of Object.entries(overrides as Record<string, unknown>)) {
    const p = spec.parameters[name];
    if (!p) {
      problems.push({ file: shown, column: name, message: messages.deriveUnknownParameter(Object.keys(spec.parameters)) });
      continue;
    }
    const expected = checkValue(p, value);
    if (expected) problems.push({ file: shown, column: name, message: messages.deriveParameter(expected, value) });
    else values[name] = value as ParameterValue;
  }
  if (problems.length) throw new DataError(problems);
  return values;
}

function literal(type: string, value: string | number | null): string {
  if (value === null) return "NULL";
  if (type === "date") return `CAST(${sqlString(String(value))} AS DATE)`;
  if (type === "text") return sqlString(String(value));
  return type === "integer" ? `CAST(${Number(value)} AS BIGINT)` : `CAST(${Number(value)} AS DOUBLE)`;
}

/** Creates `param` and the `param_<name>` tables in the session. */
export async function createParameterTables(session: Session, spec: DeriveSpec, values: Parameters): Promise<void> {
  const scalars = Object.entries(spec.parameters).filter(([, p]) => p.type !== "table");
  await session.run(`CREATE TABLE param AS SELECT ${scalars.map(([k, p]) => `${literal(p.type, values[k] as string | number)} AS ${sqlName(k)}`).join(", ")}`);
  for (const [name, p] of Object.entries(spec.parameters)) {
    if (p.type !== "table") continue;
    const columns = Object.entries(p.columns);
    await session.run(`CREATE TABLE ${sqlName(`param_${name}`)} (${columns.map(([c, t]) => `${sqlName(c)} ${t === "text" ? "VARCHAR" : t === "integer" ? "BIGINT" : "DOUBLE"}`).join(", ")})`);
    const rows = values[name] as Record<string, string | number | null>[];
    if (rows.length === 0) continue;
    const tuples = rows.map((r) => `(${columns.map(([c, t]) => literal(t, r[c] ?? null)).join(", ")})`);
    await session.run(`INSERT INTO ${sqlName(`param_${name}`)} VALUES ${tuples.join(", ")}`);
  }
}

/** The lines `derive --explain` prints: each parameter, its value (marked when not the default) and what it means. */
export function explainParameters(spec: DeriveSpec, values: Parameters): string[] {
  const lines: string[] = [];
  for (const [name, p] of Object.entries(spec.parameters)) {
    const value = values[name];
    const changed = JSON.stringify(value) !== JSON.stringify(p.default);
    const shown = Array.isArray(value) ? `${value.length} rows (${Object.keys((p as { columns: object }).columns).join(", ")})` : String(value);
    lines.push(`${name} = ${shown}${changed ? `   (default ${Array.isArray(p.default) ? `${p.default.length} rows` : String(p.default)})` : ""}`);
    for (const l of p.doc.trim().split("\n")) lines.push(`    ${l}`);
    if (Array.isArray(value)) for (const r of value) lines.push(`      ${Object.values(r).map((v) => (v === null ? "—" : String(v))).join(" → ")}`);
  }
  return lines;
}
