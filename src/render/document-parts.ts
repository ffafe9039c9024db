import { TemplateError } from "../errors.ts";
import type { TemplateSet } from "./load-templates.ts";
import type { Locale } from "../locale/locale.ts";
import type { Target } from "./markdown.ts";
import { adjustFontFaces, fontFaceCss, latinInHanScale, type FontFace } from "../fonts/font-faces.ts";
import { setHanText } from "./set-han-text.ts";
import { markPhraseBreaks } from "./phrase-breaks.ts";
import { recentMemo } from "../io/recent-memo.ts";

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
export function documentWithFonts(input: { render: (css: string) => string; rest: readonly string[]; locale: Locale; lang: string; target: Target }): DocumentWithFonts {
  const { locale, lang, target } = input;
  const latinScale = locale.script === "han" ? scaledLatinRules([locale.fonts.serif[0]!, locale.fonts.sans[0]!]) : undefined;
  const finish = (rendered: string) => {
    const page = locale.script === "han" ? setHanText(rendered) : rendered;
    return target === "screen" ? markPhraseBreaks(page, lang) : page;
  };
  const rules = (fontCss: string) => (latinScale ? latinScale(fontCss) : fontCss);
  // The page is rendered and finished once, with a mark where the rules go (in its <style>, which
  // the Han-text and phrase-break passes leave as it is): the document without fonts and the one
  // with a megabyte of them inlined then cost one pass over the text, not one each.
  let marked: { before: string; after: string } | null | undefined;
  const parts = () => {
    if (marked === undefined) {
      const page = finish(input.render([FONT_RULES_MARK, ...input.rest].join("\n")));
      const at = page.indexOf(FONT_RULES_MARK);
      marked = at >= 0 && page.lastIndexOf(FONT_RULES_MARK) === at ? { before: page.slice(0, at), after: page.slice(at + FONT_RULES_MARK.length) } : null;
    }
    return marked;
  };
  const text = (fontCss: string) => {
    const css = rules(fontCss);
    const m = parts();
    return m ? m.before + css + m.after : finish(input.render([css, ...input.rest].join("\n")));
  };
  return {
    text,
    // The rules (mostly base64) are encoded once per set of rules, and the page around them apart:
    // a Chinese page joined to a megabyte of ASCII would be encoded as one two-byte string.
    bytes: (fontCss) => {
      const m = parts();
      return m ? Buffer.concat([Buffer.from(m.before, "utf8"), encodedRules(rules(fontCss)), Buffer.from(m.after, "utf8")]) : Buffer.from(text(fontCss), "utf8");
    },
  };
}

/**
 * A rendered page: its HTML (with `fontSrc`'s rules, or none), the faces it draws with and the page
 * waiting for other rules. The faces come from a draft of the page's text, worked out when first
 * asked for: print serves them as files, while the screen edition embeds its own subsets, so an
 * edit's HTML never waits for them.
 */
export function renderedPage<P>(parity: P, withFonts: DocumentWithFonts, fontSrc: ((face: FontFace) => string) | undefined, faces: () => FontFace[]): { html: string; parity: P; readonly fonts: FontFace[]; withFonts: DocumentWithFonts } {
  let used: FontFace[] | undefined;
  const fonts = () => (used ??= faces());
  return {
    html: withFonts.text(fontSrc ? fontFaceCss(fonts(), fontSrc) : ""),
    parity,
    get fonts() {
      return fonts();
    },
    withFonts,
  };
}

/** A rendered page waiting for its @font-face rules. */
export interface DocumentWithFonts {
  /** The page with `fontCss` as its rules. */
  text(fontCss: string): string;
  /** The same page as UTF-8. */
  bytes(fontCss: string): Uint8Array;
}

/** Rules with the given Latin faces at the Han's size, per pair of faces (a rebuild asks for the same rules again). */
const scaledRules = new Map<string, (css: string) => string>();
function scaledLatinRules(latin: readonly string[]): (css: string) => string {
  const key = latin.join("\u0000");
  let memo = scaledRules.get(key);
  if (!memo) scaledRules.set(key, (memo = recentMemo(8, (css) => adjustFontFaces(css, latinInHanScale(latin)))));
  return memo;
}
const encodedRules = recentMemo(8, (css) => Buffer.from(css, "utf8"));

/** Stands for the @font-face rules in a rendered page until they are known (a CSS comment). */
const FONT_RULES_MARK = "/*greenbook:font-face-rules*/";
