/**
 * The print HTML as Paged.js 0.4 lays it out without waste:
 *   - the @font-face rules in their own `<style data-pagedjs-ignore>`: Paged.js removes every other
 *     style element and inserts its CSS again, which would declare (and fetch) every face twice;
 *   - the body inside `<template data-ref="pagedjs-content">`, which Paged.js's wrapContent() takes
 *     as the content as it is: without it the whole document is laid out (and again as each font
 *     arrives) before Paged.js moves it into a template of its own.
 * Both rely on those two Paged.js 0.4 internals; pagedjs is pinned in package.json, and the print
 * tests check that the pages still come out and each font is fetched once.
 */

/** `html` with its leading @font-face rules split into an ignored style and its body made inert until Paged.js takes it. */
export function preparePagedHtml(html: string): string {
  const withFonts = html.replace(/<style>\n((?:@font-face\{[^}]*\}\n)+)/, (_, faces: string) => `<style data-pagedjs-ignore>\n${faces}</style>\n<style>\n`);
  const body = /<body\b[^>]*>/.exec(withFonts);
  const end = withFonts.lastIndexOf("</body>");
  if (!body || end < body.index) return withFonts;
  const start = body.index + body[0].length;
  return `${withFonts.slice(0, start)}<template data-ref="pagedjs-content">${withFonts.slice(start, end)}</template>${withFonts.slice(end)}`;
}
