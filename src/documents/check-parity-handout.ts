import { TemplateError } from "../errors.ts";
import type { ParityRecord } from "../render/render-chapter.ts";

/** Throws when the languages' handouts do not use the same claims in the same blocks. */
export function checkHandoutParity(records: ReadonlyMap<string, ParityRecord>): void {
  const entries = [...records.entries()];
  const [first, ...rest] = entries;
  if (!first) return;
  const problems: string[] = [];
  for (const [lang, record] of rest) {
    for (const [i, a] of first[1].sections.entries()) {
      const other = record.sections[i];
      if (!other || a.claims.join() !== other.claims.join()) {
        problems.push(`${a.id}.md: ${first[0]} uses ${a.claims.join(", ") || "no claims"}; ${lang} uses ${other?.claims.join(", ") || "no claims"}`);
      }
    }
  }
  if (problems.length) throw new TemplateError(`the handouts are out of parity:\n  ${problems.join("\n  ")}`);
}

