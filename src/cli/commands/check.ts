import type { Command } from "../command.ts";
import { inspectEdition } from "../../pipeline/inspect-edition.ts";
import { loadDataset } from "../../data/load-dataset.ts";
import { describeDivergence } from "../../reproduce/divergences.ts";
import { summarizeDataset } from "../../pipeline/summarize-dataset.ts";
import { resolveConfig, SHARED_OPTIONS } from "../resolve-config.ts";
import { proofreadEdition } from "../../pipeline/proofread-edition.ts";
import { formatProofReport, proofErrors, type ProofReport } from "../../proof/proof-report.ts";

export const check: Command = {
  summary:
    "Loads and validates the chapter's data folder, computes every statistic, evaluates every claim and shows its wording in each language, checks parity between the editions, warns of what a reader would notice (an author with no name in a language of the edition), builds every figure's spec and renders every document, lists published figures that the data no longer reproduce and every difference from the published chapter (the note on the figures), then prints every document (writing nothing) and proofreads its pages (page fill, headings, widows and orphans, split boxes and rows, hyphenation, loose lines, kinsoku, missing glyphs, the PDF text layer). Exits non-zero on invalid data, a false required claim, a template or figure error, broken parity, or a proofreading error when edition.yaml's proof.failOnErrors is on.",
  usage: "[--chapter DIR] [--data DIR] [--templates DIR] [--as-of DATE] [--json] [--no-proof]",
  // --no-proof: stop before printing (the data, claims, parity and templates only; no browser).
  options: { chapter: SHARED_OPTIONS.chapter, data: SHARED_OPTIONS.data, templates: SHARED_OPTIONS.templates, "as-of": SHARED_OPTIONS["as-of"], json: { type: "boolean" }, "no-proof": { type: "boolean" } },
  cancellable: true,
  async run({ values, stdout, signal }) {
    const { chapter, dataDir, templatesDir, asOf } = await resolveConfig(values);
    const dataset = loadDataset(chapter, dataDir, { asOf });
    const stats = chapter.computeStats(dataset);
    const summary = summarizeDataset(chapter, dataset, stats);
    const report = inspectEdition(chapter, dataset, stats, templatesDir);
    const broken = report.claims.filter((c) => !c.holds);
    const differing = report.reproduction.filter((r) => !r.matches);
    const renders = report.parity.ok && report.templateErrors.length === 0;
    // Proofreading needs the printed pages: only documents that render can be printed.
    const proof: ProofReport | null = renders && broken.length === 0 && values["no-proof"] !== true ? await proofreadEdition({ chapter, dataDir, templatesDir, asOf }, { signal }) : null;
    const proofOk = !proof || !proof.failOnErrors || proofErrors(proof).length === 0;
    const ok = broken.length === 0 && renders && proofOk;
    if (values.json) {
      stdout(JSON.stringify({ ok, ...summary.json, ...report, proof }, null, 2));
      return ok ? 0 : 1;
    }
    for (const line of summary.lines) stdout(line);
    stdout("");
    stdout(`claims: ${report.claims.length}, ${broken.length} required claim${broken.length === 1 ? "" : "s"} false`);
    for (const c of report.claims) {
      const mark = c.holds ? (c.required ? "✓ required" : "·") : "✗ REQUIRED";
      stdout(`  ${mark} ${c.id} = ${c.outcome}${c.required && !c.holds ? ` (must be ${c.required})` : ""}`);
      for (const lang of report.languages) {
        for (const [key, text] of Object.entries(c.wording[lang] ?? {})) stdout(`      ${lang}${key === c.id ? "" : ` [${key.split("#")[1]}]`}: ${oneLine(text)}`);
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
    stdout("");
    const claimDivergences = report.divergences.filter((d) => d.kind === "claim");
    stdout(`differences from the published chapter, printed in the note on the figures (data as of ${dataset.asOf}): ${report.divergences.length}, of which ${claimDivergences.length} conclusion${claimDivergences.length === 1 ? "" : "s"}`);
    for (const d of report.divergences) stdout(`  ${d.kind === "claim" ? "claim " : "figure"} ${describeDivergence(d)}`);
    stdout("");
    if (proof) for (const line of formatProofReport(proof)) stdout(line);
    else stdout(values["no-proof"] === true ? "proof: not run (--no-proof)" : "proof: not run (the documents must render, with every required claim true, before their pages can be proofread)");
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
