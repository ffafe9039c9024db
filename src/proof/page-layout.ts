/**
 * What the proofreader measures on a laid-out document (src/proof/measure-pages.js), page by page.
 * Lengths are CSS pixels (1/96 in), measured from the top of the page's text area.
 */

export interface MeasuredLine {
  /** Which block (paragraph, cell, caption…) of the page the line belongs to; lines of a block are consecutive. */
  block: number;
  /** "body": the text area; "notes": the footnote area. */
  area: "body" | "notes";
  /** The line's text (soft hyphens removed), shortened. */
  text: string;
  /** A line of Chinese or Japanese text (its block's language). */
  han: boolean;
  /** The word the line break cut, shown where it was cut ("gov-ernment"), or null. */
  hyphen: string | null;
  /** The median inner word space as a multiple of the font's own space, or null without inner spaces. */
  wordSpace: number | null;
  /** The widest gap between two letters of a word (or two Han characters), in em, beyond the font's letter-spacing. */
  letterSpace: number;
  top: number;
  /** Set with text-align: justify. */
  justified: boolean;
}

export interface MeasuredPage {
  /** 1-based page of the PDF. */
  index: number;
  /** How far down the text area content reaches, and how tall the text area is (footnotes excluded). */
  fill: { used: number; available: number };
  /**
   * The first item on the page: the room it would need under other content (its height plus its
   * top margin, at least one body line), whether it must start a page (break-before), its text.
   */
  first: { need: number; forced: boolean; text: string } | null;
  lines: MeasuredLine[];
  /** Headings on the page and how many lines follow them on it. */
  headings: { text: string; linesAfter: number }[];
  /** Text blocks Paged.js split: their lines on this page, whether they go on to the next page or came from the one before. */
  splits: { text: string; lines: number; continues: boolean; continued: boolean }[];
  /** Boxes that must stay whole (settings `split-box.selectors`) and go on to the next page. */
  boxes: { selector: string; text: string }[];
  /** Table rows that go on to the next page. */
  rows: { text: string }[];
  /** Per computed font-family: the characters set in it on the page, and a sample of text around each. */
  glyphs: { family: string; chars: string; samples: Record<string, string> }[];
}

export interface PageLayout {
  /** Laid out in pages by Paged.js (chapter), or a single sheet (handout). */
  paginated: boolean;
  pages: MeasuredPage[];
}

/** What the measurement needs to know from the settings (it is part of a print's cache key). */
export interface MeasureOptions {
  keepWhole: string[];
}
