/**
 * Line breaking for chart titles and footers, which Vega draws but does not wrap. Widths are
 * estimated from the chart fonts' advances (Source Sans 3 measured in Chromium; Noto Sans HK
 * ideographs are a full em), slightly on the wide side; the renderer checks the drawn SVG is no
 * wider than planned, so an estimate that is too narrow cannot pass silently.
 */

/** Characters a line may not start with (closing punctuation). */
const NO_LINE_START = /^[。，、．：；！？）」』》〉］｝,.:;!?)\]}%]/u;
/** Characters a line may not end with (opening punctuation). */
const NO_LINE_END = /[（「『《〈［｛(\[{]$/u;

/**
 * Advances (hundredths of an em) of Source Sans 3 regular and bold, measured in Chromium, for
 * the characters below; two digits per character, "99" meaning a full em.
 */
const MEASURED_CHARS = "0123456789 !\"#$%&'()*+,-./:;<=>?@ABCDEFGHIJKLMNOPQRSTUVWXYZ[\\]^_`abcdefghijklmnopqrstuvwxyz{|}~–—−≤≥’‘“”…×é";
const REGULAR = "5050505050505050505020294350508261253030425025312535252550505042855459576153496265264858497365665766575354645179514854303530505054505546555029505425254925835554555535423454477245474230243050488050999925254343955050";
const BOLD = "5353535353535353535320345453538667303434465330333034303053535346905760586355526467305161527666686068615656665681575254343434535055535747575234535728285529865755575740443857527851524634273453488053999930305454985352";
const ADVANCE = new Map<string, [number, number]>(
  [...MEASURED_CHARS].map((ch, i) => [ch, [Number(REGULAR.slice(2 * i, 2 * i + 2)) / 100, Number(BOLD.slice(2 * i, 2 * i + 2)) / 100]]),
);

function isWide(cp: number): boolean {
  return (cp >= 0x2e80 && cp <= 0x9fff) || (cp >= 0xf900 && cp <= 0xfaff) || (cp >= 0xff00 && cp <= 0xffef) || (cp >= 0x3000 && cp <= 0x303f);
}

/** Estimated advance of one character, in em: measured for Latin, a full em for CJK, 0.6 em otherwise. */
export function charWidth(ch: string, bold = false): number {
  const known = ADVANCE.get(ch);
  if (known) return known[bold ? 1 : 0] >= 0.99 ? 1 : known[bold ? 1 : 0];
  return isWide(ch.codePointAt(0)!) ? 1 : 0.6;
}

/** Estimated width of `text` in px at `fontSize`, with 4 % to spare for kerning and rounding. */
export function estimateWidth(text: string, fontSize: number, bold = false): number {
  let em = 0;
  for (const ch of text) em += charWidth(ch, bold);
  return em * fontSize * 1.04;
}

/** Breaks `text` into lines no wider than `maxWidth` px (estimated): at spaces, or between CJK characters. */
export function wrapText(text: string, maxWidth: number, fontSize: number, bold = false): string[] {
  // Tokens: a Latin word with its trailing space, or one CJK character; punctuation sticks to its neighbour.
  const raw = text.match(/[^\s\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]+\s*|[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]\s*|\s+/gu) ?? [];
  const tokens: string[] = [];
  for (const tok of raw) {
    const prev = tokens.at(-1);
    if (prev !== undefined && (NO_LINE_START.test(tok) || NO_LINE_END.test(prev))) tokens[tokens.length - 1] = prev + tok;
    else tokens.push(tok);
  }
  const lines: string[] = [];
  let line = "";
  for (const tok of tokens) {
    if (line && estimateWidth((line + tok).trimEnd(), fontSize, bold) > maxWidth) {
      lines.push(line.trimEnd());
      line = tok.trimStart();
    } else line += tok;
  }
  if (line.trim()) lines.push(line.trimEnd());
  return lines;
}
