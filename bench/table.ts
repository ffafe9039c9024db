/** Formatting for the bench report. */

/** Seconds, e.g. "12.3 s". */
export function sec(ms: number, digits = 1): string {
  return Number.isFinite(ms) ? `${(ms / 1000).toFixed(digits)} s` : "n/a";
}

/** Mebibytes, e.g. "812". */
export function mib(n: number): string {
  return `${Math.round(n)}`;
}

/** A GitHub-flavoured Markdown table (readable as plain text too). */
export function markdownTable(head: string[], rows: string[][]): string {
  const cell = (s: string) => s.replace(/\|/g, "\\|").replace(/\n/g, " ");
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => cell(r[i] ?? "").length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => cell(c).padEnd(widths[i]!)).join(" | ")} |`;
  return [line(head), `|${widths.map((w) => "-".repeat(w + 2)).join("|")}|`, ...rows.map(line)].join("\n");
}
