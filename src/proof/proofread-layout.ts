/**
 * The proofreader's rules, applied to a measured document (PageLayout) and its PDF text layer,
 * with the thresholds and severities of the edition's settings. Pure: the measuring happens in
 * the print (src/proof/measure-layout.ts), the text extraction at the edge (check-text-layer.ts).
 */
import { createGlyphCoverage } from "../fonts/glyph-coverage.ts";
import type { FontFace } from "../fonts/font-faces.ts";
import type { MeasuredLine, MeasuredPage, PageLayout } from "./page-layout.ts";
import type { DocumentProof, Finding } from "./proof-report.ts";
import type { ProofSettings, RuleId, Severity } from "./proof-settings.ts";
import type { TextLayerProblem } from "./check-text-layer.ts";

/** Chinese punctuation a line may not start with (closing), and may not end with (opening). */
const CLOSING = new Set([..."，。、；：！？）」』〉》】〕〗〙］｝＞％‰’”…‥・﹐﹑﹒﹔﹕﹖﹗"]);
const OPENING = new Set([..."（「『〈《【〔〖〘［｛＜‘“"]);

export interface ProofreadInput {
  /** The document, e.g. "en/chapter". */
  document: string;
  layout: PageLayout;
  /** The folio of the first page, for a document printed with page numbers. */
  firstFolio?: number;
  /** The PDF text layer's problems (check-text-layer.ts). */
  textLayer: TextLayerProblem[];
  settings: ProofSettings;
  /** The embedded faces, for glyph coverage (default: greenbook's). */
  faces?: readonly FontFace[];
}

/** Every finding on the document, page by page. */
export function proofreadLayout(input: ProofreadInput): DocumentProof {
  const rules = input.settings.rules;
  const findings: Finding[] = [];
  const pages = input.layout.pages;
  const add = (rule: RuleId, severity: Severity, page: MeasuredPage | number, message: string, excerpt: string) => {
    if (severity === "off") return;
    const index = typeof page === "number" ? page : page.index;
    findings.push({ rule, severity, page: index, ...(input.firstFolio === undefined ? {} : { folio: input.firstFolio + index - 1 }), message, excerpt });
  };
  const mm = (px: number) => `${Math.round((px * 25.4) / 96)} mm`;

  for (const [i, page] of pages.entries()) {
    const next = pages[i + 1];
    const body = page.lines.filter((l) => l.area === "body");

    // Page fill: white space at the foot of a page that is not the document's last.
    if (next && page.fill.available > 0) {
      const fill = Math.min(1, page.fill.used / page.fill.available);
      const free = page.fill.available - page.fill.used;
      if (fill < rules["page-fill"].minFill) {
        const item = next.first;
        const fits = item !== null && !item.forced && item.need <= free;
        const why = !item ? "" : item.forced ? "; the next item starts a new page by design" : fits ? `; the next item (${mm(item.need)}) would have fitted` : `; the next item (${mm(item.need)}) could not fit`;
        add("page-fill", fits ? rules["page-fill"].severity : rules["page-fill"].whenNextCannotFit, page, `page ${Math.round(fill * 100)}% full, ${mm(free)} blank at the foot${why}`, item?.text ?? "");
      }
    }

    // Headings with fewer than the minimum lines after them on the page.
    const minAfter = rules["heading-keep"].minLinesAfter;
    for (const h of page.headings) {
      if (h.linesAfter >= minAfter || (!next && h.linesAfter === 0)) continue;
      add("heading-keep", rules["heading-keep"].severity, page, `heading followed by ${h.linesAfter} line${h.linesAfter === 1 ? "" : "s"} on its page (at least ${minAfter})`, h.text);
    }

    // Widows and orphans: a split paragraph leaving too few lines on one side of the page turn.
    for (const s of page.splits) {
      if (s.continues && s.lines < rules.orphan.minLines) add("orphan", rules.orphan.severity, page, `paragraph starts with ${s.lines} line${s.lines === 1 ? "" : "s"} at the foot of the page`, s.text);
      if (s.continued && s.lines < rules.widow.minLines) add("widow", rules.widow.severity, page, `paragraph ends with ${s.lines} line${s.lines === 1 ? "" : "s"} at the top of the page`, s.text);
    }

    for (const b of page.boxes) add("split-box", rules["split-box"].severity, page, `box (${b.selector}) split across pages ${page.index} and ${page.index + 1}`, b.text);
    for (const r of page.rows) add("split-row", rules["split-row"].severity, page, `table row split across pages ${page.index} and ${page.index + 1}`, r.text);

    // Hyphenation: ladders within a block, and a word cut at the foot of the page.
    const max = rules["hyphen-run"].maxConsecutive;
    for (const run of hyphenRuns(page.lines)) {
      if (run.length > max) add("hyphen-run", rules["hyphen-run"].severity, page, `${run.length} hyphenated line ends in a row (at most ${max})`, run.map((l) => l.hyphen).join(", "));
    }
    const last = body.reduce<MeasuredLine | undefined>((a, l) => (!a || l.top >= a.top ? l : a), undefined);
    if (next && last?.hyphen) add("hyphen-page-end", rules["hyphen-page-end"].severity, page, "the last line of the page ends in a hyphen: the word runs over the page turn", last.hyphen);

    // Loose lines: justified lines with wide word spaces, or letters spaced apart.
    const loose = rules["loose-line"];
    for (const l of page.lines) {
      if (!l.justified) continue;
      if (l.wordSpace !== null && l.wordSpace > loose.maxWordSpace) add("loose-line", loose.severity, page, `word spaces ${Math.round(l.wordSpace * 100)}% of the font’s space (at most ${Math.round(loose.maxWordSpace * 100)}%)`, l.text);
      else if (l.letterSpace > loose.maxLetterSpace) add("loose-line", loose.severity, page, `letters spaced ${l.letterSpace.toFixed(2)} em apart (at most ${loose.maxLetterSpace} em)`, l.text);
    }

    // Kinsoku: Chinese lines starting with closing or ending with opening punctuation.
    for (const l of page.lines) {
      if (!l.han) continue;
      const chars = [...l.text.trim()];
      if (chars.length && CLOSING.has(chars[0]!)) add("kinsoku", rules.kinsoku.severity, page, `line starts with closing punctuation ${chars[0]}`, l.text);
      if (chars.length && OPENING.has(chars.at(-1)!)) add("kinsoku", rules.kinsoku.severity, page, `line ends with opening punctuation ${chars.at(-1)}`, l.text);
    }

    // Tofu: characters no embedded face of their font stack can draw.
    for (const g of page.glyphs) {
      const families = parseFamilies(g.family);
      const drawable = createGlyphCoverage([families], input.faces);
      const missing = [...g.chars].filter((c) => !drawable(c.codePointAt(0)!));
      for (const c of missing) add("tofu", rules.tofu.severity, page, `${codePoint(c)} ${c} is in none of the embedded fonts of ${families.join(", ") || g.family}`, g.samples[c] ?? c);
    }
  }

  for (const t of input.textLayer) {
    const counts = Object.entries(t.counts).map(([cp, n]) => `${cp} ×${n}`).join(", ");
    add("text-layer", rules["text-layer"].severity, t.page, `invisible characters inside words of the PDF text (${counts}): search and copy fail`, t.words.join(" "));
  }
  return { document: input.document, pages: pages.length, findings };
}

/** Runs of consecutive hyphenated line ends within one block. */
function hyphenRuns(lines: readonly MeasuredLine[]): MeasuredLine[][] {
  const runs: MeasuredLine[][] = [];
  let run: MeasuredLine[] = [];
  let block = -1;
  for (const l of lines) {
    if (l.block !== block || !l.hyphen) {
      if (run.length) runs.push(run);
      run = [];
      block = l.block;
    }
    if (l.hyphen) run.push(l);
  }
  if (run.length) runs.push(run);
  return runs;
}

/** The families of a computed font-family value, unquoted, generic families left out. */
export function parseFamilies(value: string): string[] {
  return value
    .split(",")
    .map((f) => f.trim().replace(/^["']|["']$/g, ""))
    .filter((f) => f && !["serif", "sans-serif", "monospace", "cursive", "fantasy", "system-ui"].includes(f));
}

function codePoint(c: string): string {
  return `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}`;
}
