/** Escaping for text that came from a data file, before it meets Markdown or HTML. */

const HTML: Record<string, string> = { "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;", "`": "&#96;", "=": "&#61;" };

export function escapeHtml(s: string): string {
  return s.replace(/[&<>"'`=]/g, (c) => HTML[c]!);
}

/** Backslash-escapes Markdown punctuation so data text never becomes emphasis, links or code. */
export function escapeMarkdown(s: string): string {
  return s.replace(/[\\`*_{}[\]()#+\-.!|~^<>&]/g, (c) => `\\${c}`);
}

/** Text from data, safe to put into the Markdown source of a template (escaped for both). */
export function escapeForMarkdownSource(s: string): string {
  return escapeHtml(s).replace(/[\\`*_{}[\]()#+\-.!|~^]/g, (c) => `\\${c}`);
}
