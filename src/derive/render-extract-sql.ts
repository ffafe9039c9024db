/**
 * `extract-sql`: fills a chapter's cohort-cut SQL template for a target engine. In the template,
 * `{{name}}` is a table name of the target (overridable) or a scalar parameter as an SQL literal;
 * `{{list param.column field=value}}` is the comma-separated literals of a table parameter's column
 * (optionally only rows whose `field` column equals `value`).
 */
import fs from "node:fs";
import path from "node:path";
import { UsageError } from "../errors.ts";
import type { Parameters } from "./resolve-parameters.ts";
import { sqlString } from "./session.ts";
import type { DeriveSpec } from "./spec.ts";

const PLACEHOLDER = /\{\{(?:list (\w+)\.(\w+)(?: (\w+)=([\w-]+))?|(\w+))\}\}/g;

/** The SQL for `target`, with `tables` overriding the spec's table names. */
export function renderExtractSql(spec: DeriveSpec, parameters: Parameters, target: string, tables: Record<string, string> = {}): string {
  const extract = spec.extract;
  if (!extract) throw new UsageError(`${spec.file} declares no extract SQL`);
  const t = extract.targets[target];
  if (!t) throw new UsageError(`--target must be one of ${Object.keys(extract.targets).join(", ")}, got "${target}"`);
  const names: Record<string, string> = { ...t.tables, ...tables };
  const unknown = new Set<string>();
  const template = fs.readFileSync(path.join(spec.dir, extract.sql), "utf8");
  const sql = template.replace(PLACEHOLDER, (whole, param?: string, column?: string, field?: string, value?: string, name?: string) => {
    if (name !== undefined) {
      const v = names[name] ?? parameters[name];
      if (v === undefined || Array.isArray(v)) return (unknown.add(name), whole);
      return typeof v === "number" ? String(v) : name in names ? v : sqlString(v);
    }
    const rows = parameters[param!];
    if (!Array.isArray(rows)) return (unknown.add(param!), whole);
    const picked = rows.filter((r) => field === undefined || String(r[field]) === value).map((r) => sqlString(String(r[column!] ?? "")));
    return picked.length ? picked.join(", ") : "NULL";
  });
  if (unknown.size) throw new UsageError(`${extract.sql} refers to ${[...unknown].join(", ")}, which is neither a table nor a parameter`);
  return `-- greenbook extract-sql --target ${target}\n${sql.trimEnd()}\n\n-- Export: ${t.export}\n`;
}
