/**
 * The proofreader's report: findings per document, each naming the rule, its severity, the page
 * (the printed folio and the PDF page) and a short excerpt of what is wrong.
 */
import type { RuleId } from "./proof-settings.ts";

export interface Finding {
  rule: RuleId;
  severity: "error" | "warning";
  /** 1-based page of the PDF. */
  page: number;
  /** The page number printed in the book (chapter), when the document has folios. */
  folio?: number;
  /** What is wrong, in a sentence. */
  message: string;
  /** The text concerned, shortened. */
  excerpt: string;
}

export interface DocumentProof {
  /** The document, e.g. "en/chapter". */
  document: string;
  pages: number;
  findings: Finding[];
}

export interface ProofReport {
  /** Whether an error stops the build (edition.yaml `proof.failOnErrors`). */
  failOnErrors: boolean;
  documents: DocumentProof[];
}

/** Errors in the report. */
export function proofErrors(report: ProofReport): Finding[] {
  return report.documents.flatMap((d) => d.findings.filter((f) => f.severity === "error"));
}

/** Findings per rule and severity, per document: { "en/chapter": { "hyphen-run": { warning: 3 } } }. */
export function countFindings(report: ProofReport): Record<string, Record<string, { error: number; warning: number }>> {
  const out: Record<string, Record<string, { error: number; warning: number }>> = {};
  for (const d of report.documents) {
    const rules: Record<string, { error: number; warning: number }> = (out[d.document] = {});
    for (const f of d.findings) (rules[f.rule] ??= { error: 0, warning: 0 })[f.severity]++;
  }
  return out;
}

/** The page as a reader finds it: "p. 175 (PDF 4)", or "PDF p. 1" without folios. */
export function pageName(f: Pick<Finding, "page" | "folio">): string {
  return f.folio === undefined ? `PDF p. ${f.page}` : `p. ${f.folio} (PDF ${f.page})`;
}

/** The report as lines of text, grouped by document and page. */
export function formatProofReport(report: ProofReport): string[] {
  const lines: string[] = [];
  const errors = proofErrors(report).length;
  const warnings = report.documents.reduce((n, d) => n + d.findings.length, 0) - errors;
  lines.push(`proof: ${report.documents.length} document${report.documents.length === 1 ? "" : "s"}, ${errors} error${errors === 1 ? "" : "s"}, ${warnings} warning${warnings === 1 ? "" : "s"}${errors && !report.failOnErrors ? " (errors do not stop the build: proof.failOnErrors is false in edition.yaml)" : ""}`);
  for (const d of report.documents) {
    const e = d.findings.filter((f) => f.severity === "error").length;
    lines.push(`  ${d.document} (${d.pages} page${d.pages === 1 ? "" : "s"}): ${e} error${e === 1 ? "" : "s"}, ${d.findings.length - e} warning${d.findings.length - e === 1 ? "" : "s"}`);
    let page = -1;
    for (const f of [...d.findings].sort((a, b) => a.page - b.page)) {
      if (f.page !== page) {
        page = f.page;
        lines.push(`    ${pageName(f)}`);
      }
      lines.push(`      ${f.severity} ${f.rule}: ${f.message}${f.excerpt ? ` “${f.excerpt}”` : ""}`);
    }
  }
  return lines;
}
