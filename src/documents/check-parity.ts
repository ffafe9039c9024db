type Lang = string;
import { TemplateError } from "../errors.ts";
import type { ParityRecord } from "../render/render-chapter.ts";

/** Differences between two editions' parity records, as readable lines (empty when they match). */
export function parityDifferences(a: { lang: Lang; record: ParityRecord }, b: { lang: Lang; record: ParityRecord }): string[] {
  const out: string[] = [];
  const sections = Math.max(a.record.sections.length, b.record.sections.length);
  if (a.record.sections.length !== b.record.sections.length) out.push(`${a.lang} has ${a.record.sections.length} sections, ${b.lang} ${b.record.sections.length}`);
  for (let i = 0; i < sections; i++) {
    const sa = a.record.sections[i];
    const sb = b.record.sections[i];
    if (!sa || !sb) continue;
    const where = `section ${i + 1} (${sa.id} / ${sb.id})`;
    if (sa.claims.join() !== sb.claims.join()) out.push(`${where}: claims differ\n    ${a.lang}: ${sa.claims.join(", ") || "none"}\n    ${b.lang}: ${sb.claims.join(", ") || "none"}`);
    if (sa.refs.join() !== sb.refs.join()) out.push(`${where}: figure and table references differ\n    ${a.lang}: ${sa.refs.join(", ") || "none"}\n    ${b.lang}: ${sb.refs.join(", ") || "none"}`);
    if (sa.footnotes !== sb.footnotes) out.push(`${where}: ${a.lang} has ${sa.footnotes} footnotes, ${b.lang} ${sb.footnotes}`);
  }
  if (a.record.exhibits.join() !== b.record.exhibits.join()) out.push(`exhibits differ: ${a.record.exhibits.join(", ")} / ${b.record.exhibits.join(", ")}`);
  if (a.record.exhibitFootnotes !== b.record.exhibitFootnotes) out.push(`footnotes in exhibits: ${a.lang} ${a.record.exhibitFootnotes}, ${b.lang} ${b.record.exhibitFootnotes}`);
  return out;
}

/** Throws when the editions do not use the same claims, references and footnotes in the same order. */
export function checkParity(records: Map<Lang, ParityRecord>): void {
  const entries = [...records.entries()].map(([lang, record]) => ({ lang, record }));
  const first = entries[0];
  if (!first) return;
  const problems = entries.slice(1).flatMap((e) => parityDifferences(first, e));
  if (problems.length) throw new TemplateError(`the editions are out of parity:\n  ${problems.join("\n  ")}`);
}
