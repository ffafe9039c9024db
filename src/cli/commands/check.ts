import path from "node:path";
import type { Command } from "../main.ts";
import { inspectEdition } from "../../build/inspect-edition.ts";
import { loadDataset } from "../../data/load-dataset.ts";
import { computeStats } from "../../stats/compute-stats.ts";
import { summarizeDataset } from "../summarize-dataset.ts";

export const check: Command = {
  summary:
    "Loads and validates the data folder, computes every statistic, evaluates every claim and shows its wording in each language, checks parity between the editions, warns of what a reader would notice (an author with no English name in edition.yaml), and lists published figures that the data no longer reproduces. Exits non-zero on invalid data, a false required claim, a template error or broken parity.",
  usage: "[--data DIR] [--templates DIR] [--json]",
  options: { data: { type: "string" }, templates: { type: "string" }, json: { type: "boolean" } },
  async run({ values, stdout }) {
    const dataset = loadDataset(path.resolve(String(values.data ?? "data")));
    const stats = computeStats(dataset);
    const summary = summarizeDataset(dataset, stats);
    const report = inspectEdition(dataset, stats, path.resolve(String(values.templates ?? "templates")));
    const broken = report.claims.filter((c) => !c.holds);
    const differing = report.reproduction.filter((r) => !r.matches);
    const ok = broken.length === 0 && report.parity.ok && report.templateErrors.length === 0;
    if (values.json) {
      stdout(JSON.stringify({ ok, ...summary.json, ...report }, null, 2));
      return ok ? 0 : 1;
    }
    for (const line of summary.lines) stdout(line);
    stdout("");
    stdout(`claims: ${report.claims.length}, ${broken.length} required claim${broken.length === 1 ? "" : "s"} false`);
    for (const c of report.claims) {
      const mark = c.holds ? (c.required ? "✓ required" : "·") : "✗ REQUIRED";
      stdout(`  ${mark} ${c.id} = ${c.outcome}${c.required && !c.holds ? ` (must be ${c.required})` : ""}`);
      for (const lang of ["zh-HK", "en"] as const) {
        for (const [key, text] of Object.entries(c.wording[lang])) stdout(`      ${lang}${key === c.id ? "" : ` [${key.split("#")[1]}]`}: ${oneLine(text)}`);
      }
    }
    stdout("");
    stdout(report.parity.ok ? "parity: the editions use the same claims, references and footnotes in the same order" : "parity: FAILED");
    for (const d of report.parity.differences) stdout(`  ${d}`);
    for (const e of report.templateErrors) stdout(`  template error: ${e}`);
    stdout("");
    stdout(report.warnings.length ? `warnings: ${report.warnings.length}` : "warnings: none");
    for (const w of report.warnings) stdout(`  ${w}`);
    stdout("");
    stdout(`published figures: ${report.reproduction.length} recomputed, ${differing.length} differ from the printed chapter (the chapter prints the recomputed value)`);
    for (const r of differing) stdout(`  ${r.id}: printed ${r.printed} → recomputed ${fmt(r.recomputed)} (${r.description})`);
    return ok ? 0 : 1;
  },
};

function oneLine(text: string): string {
  const s = text.replace(/\s+/g, " ").trim();
  return s.length > 160 ? `${s.slice(0, 157)}…` : s;
}

function fmt(n: number): string {
  return Number.isInteger(n) ? n.toLocaleString("en") : n.toLocaleString("en", { maximumFractionDigits: 3 });
}
