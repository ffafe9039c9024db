/**
 * Template text a page cannot print truthfully: the chapter's prose and handout templates, its
 * YAML wording (strings, exhibits, claims, charts) and the book format's layouts, partials and
 * style sheets. A character the embedded fonts cannot draw (checked against the fonts of every
 * language whose pages print the text: an emoji, a CJK Extension B character) would print from a
 * system font or as a box; a bidi control, an invisible format character or another control
 * character (line breaks and tabs aside) would reorder or hide what the page shows. Either fails
 * `check` and `build` at its file and line. Comments (which never reach a page) are left out.
 */
import { CONTROL_CHARS, describeControl } from "../escape-controls.ts";
import { yamlStrings } from "../io/load-yaml.ts";
import { localeOf } from "../locale/locale-of.ts";
import { messages } from "../messages.ts";
import { MAX_PROBLEMS_PER_FILE } from "../data/define-series.ts";
import { drawableIn } from "./check-glyphs.ts";

/** How a template file is written, which decides what in it is a comment. */
export type TemplateSyntax = "markdown" | "handlebars" | "css" | "yaml";

export interface PrintedSource {
  /** Path as shown to the user. */
  file: string;
  text: string;
  syntax: TemplateSyntax;
  /** The languages whose pages print this text. */
  languages: readonly string[];
}

const isControl = (c: string) => {
  CONTROL_CHARS.lastIndex = 0;
  return CONTROL_CHARS.test(c);
};

/** Comments of each syntax: Handlebars `{{!-- --}}` / `{{! }}` everywhere, HTML comments in layouts (Markdown prints them: it has raw HTML off), CSS block comments. */
const COMMENTS: Record<Exclude<TemplateSyntax, "yaml">, RegExp> = {
  markdown: /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g,
  handlebars: /\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}|<!--[\s\S]*?-->/g,
  css: /\/\*[\s\S]*?\*\//g,
};

/** `text` with its comments blanked out, line breaks kept, so lines still count as in the file. */
function withoutComments(text: string, syntax: Exclude<TemplateSyntax, "yaml">): string {
  return text.replace(COMMENTS[syntax], (comment) => comment.replace(/[^\n]/g, " "));
}

/** The printed pieces of a source, each with the line of a character in it. */
function piecesOf(source: PrintedSource): { text: string; lineOf: (char: string, offset: number) => number }[] {
  if (source.syntax === "yaml") return yamlStrings(source.text).map((s) => ({ text: s.value, lineOf: (char) => s.lineOf(char) }));
  const text = withoutComments(source.text, source.syntax);
  return [{ text, lineOf: (_char, offset) => 1 + (text.slice(0, offset).match(/\n/g)?.length ?? 0) }];
}

/** Line breaks and tabs are layout, not text; a byte-order mark may open a file. */
const allowedControl = (char: string, offset: number) => char === "\n" || char === "\r" || char === "\t" || (char === "\ufeff" && offset === 0);

/** One message per unprintable character (per line and character), at most MAX_PROBLEMS_PER_FILE per file, then how many more. */
export function unprintableInSources(sources: readonly PrintedSource[]): string[] {
  const problems: string[] = [];
  for (const source of sources) {
    const found: string[] = [];
    const seen = new Set<string>();
    let more = 0;
    for (const piece of piecesOf(source)) {
      // Printable ASCII, line breaks and tabs: nothing to report (the common case, cheaply).
      if (/^[\x20-\x7e\n\r\t]*$/.test(piece.text)) continue;
      let offset = 0;
      for (const char of piece.text) {
        const at = offset;
        offset += char.length;
        const control = isControl(char);
        if (control ? allowedControl(char, at) : char.charCodeAt(0) < 0x80) continue;
        const lang = control ? undefined : source.languages.find((l) => !drawableIn(l)(char.codePointAt(0)!));
        if (!control && lang === undefined) continue;
        const line = piece.lineOf(char, at);
        const key = `${line}\0${char}`;
        if (seen.has(key)) continue;
        seen.add(key);
        if (found.length >= MAX_PROBLEMS_PER_FILE) more++;
        else if (lang === undefined) found.push(messages.controlInTemplate(`${source.file}:${line}`, describeControl(char)));
        else {
          const fonts = localeOf(lang).fonts;
          found.push(messages.cannotDraw(`${source.file}:${line}`, char, lang, [...new Set([...fonts.serif, ...fonts.sans])]));
        }
      }
    }
    problems.push(...found);
    if (more) problems.push(`${source.file}: ${messages.moreProblems(more)}`);
  }
  return problems;
}
