/**
 * Markdown for the prose (markdown-it), with one extension: inline footnotes `^[text]`.
 * In print, a footnote becomes `<span class="footnote">` at the call site, which Paged.js floats
 * to the bottom of the page; on screen it becomes a numbered reference to a list of notes.
 */
import markdownIt, { type MarkdownIt, type StateInline, type Token } from "markdown-it";

export type Target = "print" | "screen";

/** Shared across every Markdown fragment of one document, so footnotes number through it. */
export interface MarkdownEnv {
  [key: string | symbol]: unknown;
  target: Target;
  /** Rendered footnote bodies, in order (screen target). */
  notes: string[];
  /** Footnotes placed inline so far (print target). */
  printNotes: number;
}

export function createMarkdownEnv(target: Target): MarkdownEnv {
  return { target, notes: [], printNotes: 0 };
}

function footnoteRule(state: StateInline, silent: boolean): boolean {
  const start = state.pos;
  const max = state.posMax;
  if (start + 2 >= max || state.src.charCodeAt(start) !== 0x5e /* ^ */ || state.src.charCodeAt(start + 1) !== 0x5b /* [ */) return false;
  const labelEnd = state.md.helpers.parseLinkLabel(state, start + 1);
  if (labelEnd < 0) return false;
  if (!silent) {
    const children: Token[] = [];
    state.md.inline.parse(state.src.slice(start + 2, labelEnd), state.md, state.env, children);
    const token = state.push("gb_footnote", "", 0);
    token.children = children;
  }
  state.pos = labelEnd + 1;
  state.posMax = max;
  return true;
}

/** A markdown-it instance for greenbook prose: no raw HTML, typographic quotes off, footnotes on. */
export function createMarkdown(): MarkdownIt {
  const md = markdownIt({ html: false, linkify: false, typographer: false, breaks: false });
  md.inline.ruler.after("image", "gb_footnote", footnoteRule);
  md.renderer.rules.gb_footnote = (tokens, idx, options, envArg, self) => {
    const env = envArg as unknown as MarkdownEnv;
    const body = self.renderInline(tokens[idx]!.children ?? [], options, env);
    if (env.target === "print") {
      env.printNotes += 1;
      return `<span class="footnote">${body}</span>`;
    }
    env.notes.push(body);
    const n = env.notes.length;
    return `<sup class="fn-ref"><a href="#fn-${n}" id="fnref-${n}" role="doc-noteref" aria-label="${n}">${n}</a></sup>`;
  };
  // Links may only point inside the document: an anchor. Anything else is printed as text.
  const defaultLinkOpen = md.renderer.rules.link_open ?? ((tokens, idx, options, _env, self) => self.renderToken(tokens, idx, options));
  md.validateLink = (url: string) => url.startsWith("#");
  md.renderer.rules.link_open = defaultLinkOpen;
  return md;
}

const CJK = "\\u2e80-\\u9fff\\uf900-\\ufaff\\uff00-\\uffef\\u3000-\\u303f";
const CJK_BREAK = new RegExp(`([${CJK}])\\n[ \\t]*(?=[${CJK}])`, "g");

/** Joins lines broken between two CJK characters, which would otherwise print as a space. */
export function joinCjkLines(source: string): string {
  return source.replace(CJK_BREAK, "$1");
}

/** Renders block Markdown (paragraphs, headings, lists). */
export function renderBlock(md: MarkdownIt, source: string, env: MarkdownEnv): string {
  return md.render(joinCjkLines(source), env);
}

/** Renders inline Markdown (a caption, a table cell) without a wrapping paragraph. */
export function renderInline(md: MarkdownIt, source: string, env: MarkdownEnv): string {
  return md.renderInline(joinCjkLines(source), env);
}

/** The screen edition's list of footnotes, or "" when there are none. */
export function renderNotesList(env: MarkdownEnv, heading: string): string {
  if (env.target !== "screen" || env.notes.length === 0) return "";
  const items = env.notes.map((body, i) => `<li id="fn-${i + 1}" role="doc-footnote">${body} <a href="#fnref-${i + 1}" class="fn-back" aria-label="↑ ${i + 1}">↑</a></li>`).join("\n");
  return `<section class="footnotes" role="doc-endnotes" aria-labelledby="footnotes-heading"><h2 id="footnotes-heading">${heading}</h2><ol>\n${items}\n</ol></section>`;
}
