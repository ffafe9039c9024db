/** Text as a CSS string literal, safe inside a <style> element (no `</style>` can close it). */
export function cssString(text: string): string {
  return `"${text.replace(/[\\"]/g, (c) => `\\${c}`).replace(/[\n\r\f]/g, "\\A ").replace(/</g, "\\3C ").replace(/>/g, "\\3E ")}"`;
}
