import { TemplateError } from "../errors.ts";
import type { TemplateSet } from "./load-templates.ts";
import type { Locale } from "../locale/locale.ts";
import type { Target } from "./markdown.ts";
import { adjustFontFaces, latinInHanScale } from "../fonts/font-faces.ts";
import { setHanText } from "./set-han-text.ts";
import { markPhraseBreaks } from "./phrase-breaks.ts";

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

/**
 * The last step of a document: the layout rendered with the @font-face rules it is given (asset
 * URLs for print, subset fonts inlined for screen), the Latin faces of a Chinese page scaled to
 * the Han, Chinese punctuation set, and, on screen, Chinese headings wrapping between words.
 */
export function documentWithFonts(input: { render: (css: string) => string; rest: readonly string[]; locale: Locale; lang: string; target: Target }): (fontCss: string) => string {
  const { locale, lang, target } = input;
  const latinScale = locale.script === "han" ? latinInHanScale([locale.fonts.serif[0]!, locale.fonts.sans[0]!]) : undefined;
  const finish = (rendered: string) => {
    const page = locale.script === "han" ? setHanText(rendered) : rendered;
    return target === "screen" ? markPhraseBreaks(page, lang) : page;
  };
  // The page is rendered and finished once, with a mark where the rules go (in its <style>, which
  // the Han-text and phrase-break passes leave as it is): the document without fonts and the one
  // with a megabyte of them inlined then cost one pass over the text, not one each.
  let marked: { before: string; after: string } | null | undefined;
  return (fontCss) => {
    const css = latinScale ? adjustFontFaces(fontCss, latinScale) : fontCss;
    if (marked === undefined) {
      const page = finish(input.render([FONT_RULES_MARK, ...input.rest].join("\n")));
      const at = page.indexOf(FONT_RULES_MARK);
      marked = at >= 0 && page.lastIndexOf(FONT_RULES_MARK) === at ? { before: page.slice(0, at), after: page.slice(at + FONT_RULES_MARK.length) } : null;
    }
    if (marked) return marked.before + css + marked.after;
    return finish(input.render([css, ...input.rest].join("\n")));
  };
}

/** Stands for the @font-face rules in a rendered page until they are known (a CSS comment). */
const FONT_RULES_MARK = "/*greenbook:font-face-rules*/";
