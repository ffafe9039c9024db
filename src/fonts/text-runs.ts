/**
 * An HTML document cut into its markup and its text, so the fonts of an edit that changes only
 * text (a number, a word) can be worked out without opening the document in a browser: which face
 * draws a text node depends on the markup and the CSS around it, never on the node's own text.
 *
 * This is not a full HTML parser. It reads what greenbook renders (tags, comments, <style> and
 * <script>, entities Handlebars and markdown-it write), and the caller checks its runs against
 * the text nodes a browser found in the same document before trusting it (collect-face-text.ts).
 */

export interface TextRuns {
  /**
   * The markup with every run replaced by one mark: two documents with the same skeleton give
   * their runs, in order, the same computed styles. Digits are masked in geometry attributes only
   * (a chart's coordinates move with its data, never its faces); style sheets and every other
   * attribute (a font-weight, a class) are kept as written.
   */
  skeleton: string;
  /** Each text node's text with whitespace and soft hyphens removed, entities decoded, in document order; nodes left empty are omitted. */
  runs: string[];
}

/** Elements whose content is raw text, not markup. */
const RAW_TEXT = /^(style|script|textarea|title)$/i;
const NAMED: Record<string, string> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'", nbsp: "\u00a0", shy: "\u00ad" };
/** The characters the walk in the browser removes from a text node before recording it. */
export const NOT_DRAWN = /[\s\u00ad]/g;
const RUN_MARK = "\u0001";
/** SVG geometry attributes and their values. */
const GEOMETRY = /(\s(?:x|y|x1|x2|y1|y2|dx|dy|cx|cy|r|rx|ry|width|height|d|points|transform|viewBox|offset)\s*=\s*)("[^"]*"|'[^']*'|[^\s"'>]+)/g;

/** The document's skeleton and text runs; undefined when it holds something this reader does not handle (an unknown entity, CDATA). */
export function splitTextRuns(html: string): TextRuns | undefined {
  const skeleton: string[] = [];
  const runs: string[] = [];
  let i = 0;
  const addText = (raw: string): boolean => {
    const text = raw.includes("&") ? decodeEntities(raw) : raw;
    if (text === undefined) return false;
    const drawn = text.replace(NOT_DRAWN, "");
    if (drawn) {
      runs.push(drawn);
      skeleton.push(RUN_MARK);
    }
    return true;
  };
  while (i < html.length) {
    const lt = html.indexOf("<", i);
    const textEnd = lt < 0 ? html.length : lt;
    if (textEnd > i && !addText(html.slice(i, textEnd))) return undefined;
    if (lt < 0) break;
    if (html.startsWith("<!--", lt)) {
      const end = html.indexOf("-->", lt + 4);
      if (end < 0) return undefined;
      skeleton.push(html.slice(lt, end + 3));
      i = end + 3;
      continue;
    }
    if (html.startsWith("<![CDATA[", lt)) return undefined;
    if (!/[A-Za-z\/!?]/.test(html[lt + 1] ?? "")) {
      // A lone "<" is text (the browser reads it so too).
      if (!addText("<")) return undefined;
      i = lt + 1;
      continue;
    }
    TAG.lastIndex = lt;
    const tag = TAG.exec(html)?.[0];
    if (tag === undefined) return undefined;
    const end = lt + tag.length;
    // Only digits are masked: a tag without any is its own skeleton.
    skeleton.push(DIGIT.test(tag) ? tag.replace(GEOMETRY, (_, name: string, value: string) => name + value.replace(/[0-9]/g, "0")) : tag);
    i = end;
    const name = /^<([A-Za-z][^\s/>]*)/.exec(tag)?.[1];
    if (name && RAW_TEXT.test(name) && !tag.endsWith("/>")) {
      const closing = new RegExp(`</${name}`, "ig");
      closing.lastIndex = i;
      const close = closing.exec(html)?.index;
      if (close === undefined) return undefined;
      const content = html.slice(i, close);
      // The browser reports the content as one text node; its characters stay in the skeleton, since CSS decides faces.
      if (name.toLowerCase() === "title" || name.toLowerCase() === "textarea") {
        if (!addText(content)) return undefined;
      } else {
        const drawn = content.replace(NOT_DRAWN, "");
        if (drawn) runs.push(drawn);
        skeleton.push(RUN_MARK, content);
      }
      i = close;
    }
  }
  return { skeleton: skeleton.join(""), runs };
}

/**
 * A tag, from its "<" to the ">" that closes it. A quote opens a value only right after "=" (as
 * the attributes greenbook writes are quoted), and a ">" inside a value stays in the tag; a value
 * never closed matches nothing. Each character has one way to match, so a tag that never closes
 * fails in linear time.
 */
const TAG = /<[A-Za-z/!?](?:[^>="']|=(?!["'])|="[^"]*"|='[^']*'|(?<!=)["'])*>/y;
const DIGIT = /[0-9]/;

/** Text with its character references replaced; undefined for a named one not in NAMED. */
function decodeEntities(raw: string): string | undefined {
  let unknown = false;
  const text = raw.replace(/&(#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);?/g, (whole, ref: string) => {
    if (ref.startsWith("#")) {
      const cp = ref[1] === "x" || ref[1] === "X" ? parseInt(ref.slice(2), 16) : parseInt(ref.slice(1), 10);
      if (!whole.endsWith(";") || cp === 0 || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff)) {
        unknown = true;
        return whole;
      }
      return String.fromCodePoint(cp);
    }
    const named = NAMED[ref];
    if (named === undefined || !whole.endsWith(";")) {
      unknown = true;
      return whole;
    }
    return named;
  });
  return unknown ? undefined : text;
}
