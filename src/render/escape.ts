/** Escaping for text that came from a data file, before it meets Markdown or HTML. */

const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;", "=": "&#61;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`=]/g, (c) => HTML[c]!);
}

/** Backslash-escapes Markdown punctuation so data text never becomes emphasis, links or code. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|~^<>&]/g, (c) => `\\${c}`);
}

const NAMED: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" };

/**
 * Text from data, safe to put into the Markdown source of a template (and harmless in HTML): Markdown
 * punctuation is backslash-escaped, and `& < > "` become named entities, which Markdown turns back
 * into the characters. (A numeric entity such as `&#39;` would not survive: its `#` is escaped too,
 * and the reader would see `&#39;`.)
 */
export function escapeForMarkdownSource(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|~^'=]/g, (c) => `\\${c}`).replace(/[&<>"]/g, (c) => NAMED[c]!);
}
