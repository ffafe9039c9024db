import { TemplateError } from "../errors.ts";
import type { TemplateSet } from "./load-templates.ts";

/** A shared style sheet by name (templates/styles/<name>.css). */
export function styleSheet(templates: TemplateSet, name: string): string {
  const s = templates.shared.styles.get(name);
  if (!s) throw new TemplateError(`templates/styles/${name}.css is missing`);
  return s.text;
}

/** The text a reader sees (tags removed, entities decoded enough to pick fonts). */
export function visibleText(html: string): string {
  return html
    .replace(/<style[\s\S]*?<\/style>/g, "")
    .replace(/<script[\s\S]*?<\/script>/g, "")
    .replace(/<[^>]+>/g, " ")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&[a-z]+;/g, " ");
}
