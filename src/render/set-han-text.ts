/**
 * Chinese text set as a typesetter would, in every part of a document (body, captions, notes,
 * tables): a closing bracket followed by punctuation is set half-width (the fonts centre ，。 as
 * Hong Kong usage has it, so the pair otherwise leaves a hole of 1–1.5 em, as in 「）， 」), and
 * typed spaces between Han and Latin letters or digits are removed, so that one rule, the
 * stylesheet's text-autospace, spaces them everywhere. Markup, styles, scripts and SVG are left as
 * they are.
 */
const CLOSING = "）」』》〉】〕";
// Only before punctuation: the Hong Kong faces do not set every closing bracket in the left half of
// its em, so halving the first of two closing brackets (」） or 】）) laid the second over it.
const FOLLOWING = "，。、；：！？";
// The punctuation may follow after tags (a linked 【圖2】 closing before ）); never inside a tag.
const HALF = new RegExp(`([${CLOSING}])(?=(?:<[^>]+>)*[${FOLLOWING}])(?![^<]*>)`, "gu");
const BLOCKS = /(<(style|script|svg|title)\b[\s\S]*?<\/\2>)/;
const TAGS = /(<[^>]*>)/;

/** `html` with Chinese punctuation pairs compressed and Han–Latin spacing left to CSS. */
export function setHanText(html: string): string {
  return html
    .split(BLOCKS)
    .map((part, i) => {
      // split() with two groups yields markup, block, block's tag name, markup, …
      if (i % 3 !== 0) return i % 3 === 1 ? part : "";
      const spaced = part
        .split(TAGS)
        .map((text, j) => (j % 2 === 1 ? text : text.replace(/(\p{sc=Han})[ \u00a0]+(?=[A-Za-z0-9])/gu, "$1").replace(/([A-Za-z0-9%])[ \u00a0]+(?=\p{sc=Han})/gu, "$1")))
        .join("");
      return spaced.replace(HALF, '<span class="cjk-half">$1</span>');
    })
    .join("");
}
