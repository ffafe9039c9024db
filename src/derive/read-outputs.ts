/**
 * Reads each output table of a derivation as CSV text: the declared columns in the declared
 * order, rows in the declared order, numbers written plainly (no exponent, no thousands separator).
 */
import { sqlName, type Cell, type Session } from "./session.ts";
import type { DeriveSpec } from "./spec.ts";

/** File name → CSV text. */
export type OutputFiles = Map<string, string>;

function formatCell(value: Cell): string {
  if (value === null) return "";
  if (typeof value === "number") {
    if (Number.isInteger(value)) return String(value);
    const fixed = value.toFixed(6).replace(/0+$/, "").replace(/\.$/, "");
    return fixed === "-0" ? "0" : fixed;
  }
  const s = String(value);
  return /[",\n\r]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Queries every output table and renders it as CSV. */
export async function readOutputs(session: Session, spec: DeriveSpec): Promise<OutputFiles> {
  const files: OutputFiles = new Map();
  for (const [file, out] of Object.entries(spec.outputs)) {
    const rows = await session.all(`SELECT ${out.columns.map(sqlName).join(", ")} FROM ${sqlName(out.table)} ORDER BY ${out.orderBy}`);
    const lines = [out.columns.join(","), ...rows.map((r) => out.columns.map((c) => formatCell(r[c] ?? null)).join(","))];
    files.set(file, `${lines.join("\n")}\n`);
  }
  return files;
}
