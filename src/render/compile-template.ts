/**
 * Handlebars templates compiled once per process. Parsing and code generation are the expensive
 * part of a render; the result (a template spec) does not depend on the helpers, so it is kept by
 * template text and bound to each render's environment with `hb.template`, which is cheap. A
 * template file that changes (watch) has new text and is compiled again; the old spec ages out.
 */
import Handlebars from "handlebars";

/** The options every greenbook template is compiled with: strict (a missing value fails), escaped. */
export const TEMPLATE_OPTIONS = { strict: true, noEscape: false } as const;

/** Specs kept; beyond this the least recently used are dropped (watch sessions edit for hours). */
const MAX_SPECS = 2000;

type TemplateSpec = Parameters<typeof Handlebars.template>[0];
const specs = new Map<string, TemplateSpec>();

/** The compiled spec of `text` (compiled on first use in this process, then reused). */
export function compileTemplateSpec(text: string): TemplateSpec {
  let spec = specs.get(text);
  if (spec) {
    // Most recently used last, so the oldest are dropped first.
    specs.delete(text);
    specs.set(text, spec);
    return spec;
  }
  // precompile yields the spec as JavaScript source (what Handlebars writes to .js files for browsers).
  const source = Handlebars.precompile(text, TEMPLATE_OPTIONS) as string;
  spec = new Function(`return ${source};`)() as TemplateSpec;
  specs.set(text, spec);
  if (specs.size > MAX_SPECS) specs.delete(specs.keys().next().value!);
  return spec;
}

/** `text` as a template of the environment `hb` (its helpers and partials), compiled at most once per process. */
export function bindTemplate(hb: typeof Handlebars, text: string): Handlebars.TemplateDelegate {
  return hb.template(compileTemplateSpec(text));
}
