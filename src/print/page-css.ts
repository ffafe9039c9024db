/**
 * The @page rules of the chapter, from the edition metadata: page size and margins, the start
 * page, and running heads by page parity (verso: page number + book title; recto: chapter title +
 * page number; none on the opening page). Paged.js decides left/right by position (its first
 * page is a right page), so when the chapter starts on an even page the selectors swap. Each
 * page also gets --verso (1 on a verso, 0 on a recto), for content placed by the page's side, and
 * the root --page-content-width, the width of the text area.
 */
import { PAGE_SIZES, type Edition } from "../data/edition.ts";
import { cssString } from "./css-string.ts";

export interface RunningHeads {
  book: string;
  chapter: string;
}

export function pageCss(edition: Edition, heads: RunningHeads, fonts: { sans: string }): string {
  const size = PAGE_SIZES[edition.page.size] ?? PAGE_SIZES.A4!;
  const m = edition.page.margin;
  const startsVerso = edition.startPage % 2 === 0;
  const verso = startsVerso ? ":right" : ":left";
  const recto = startsVerso ? ":left" : ":right";
  const head = `font-family: ${fonts.sans}; font-size: 8pt; color: #444; vertical-align: bottom; padding-bottom: 5mm;`;
  return `
:root { --page-content-width: calc(${size.width} - ${m.inside} - ${m.outside}); }
.pagedjs_${startsVerso ? "right" : "left"}_page { --verso: 1; }
.pagedjs_${startsVerso ? "left" : "right"}_page { --verso: 0; }
@page {
  size: ${size.width} ${size.height};
  margin: ${m.top} ${m.outside} ${m.bottom} ${m.inside};
  @footnote { border-top: 0.5pt solid #777; padding-top: 1.5mm; margin-top: 3mm; }
}
@page ${verso} {
  margin-left: ${m.outside};
  margin-right: ${m.inside};
  @top-left { content: counter(page) "\\2003" ${cssString(heads.book)}; ${head} text-align: left; }
  @top-right { content: none; }
}
@page ${recto} {
  margin-left: ${m.inside};
  margin-right: ${m.outside};
  @top-right { content: ${cssString(heads.chapter)} "\\2003" counter(page); ${head} text-align: right; }
  @top-left { content: none; }
}
@page :first {
  counter-set: page ${edition.startPage};
  @top-left { content: none; }
  @top-right { content: none; }
}
`;
}
