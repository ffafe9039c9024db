/**
 * What a reader gets from a PDF, for tests: text (whole document, per page, or a cropped strip)
 * from poppler's pdftotext, fonts from pdffonts, document information from pdfinfo, and the
 * catalog entries poppler does not print (outline, language, named destinations) via pdf-lib.
 */
import { execFileSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFString, type PDFObject } from "pdf-lib";

function run(tool: string, args: string[]): string {
  return execFileSync(tool, args, { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

/** A region of a page in PDF points (1/72 in), from the top-left corner. */
export interface Crop {
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface TextOptions {
  /** First and last page, 1-based; default the whole document. */
  first?: number;
  last?: number;
  /** Keep the physical layout (table rows stay on one line); default false (reading order). */
  layout?: boolean;
  /** Only the text inside this region of each page. */
  crop?: Crop;
}

/** The text of `file` as pdftotext extracts it (pages separated by form feeds). */
export function pdfText(file: string, options: TextOptions = {}): string {
  const args = ["-enc", "UTF-8"];
  if (options.first !== undefined) args.push("-f", String(options.first));
  if (options.last !== undefined) args.push("-l", String(options.last));
  if (options.layout) args.push("-layout");
  if (options.crop) {
    // At -r 72 a pixel is a point.
    const c = options.crop;
    args.push("-r", "72", "-x", String(Math.round(c.x)), "-y", String(Math.round(c.y)), "-W", String(Math.round(c.width)), "-H", String(Math.round(c.height)));
  }
  return run("pdftotext", [...args, file, "-"]);
}

/** One string per page, 1-based page n at index n − 1. */
export function pdfPageTexts(file: string, options: Omit<TextOptions, "first" | "last"> = {}): string[] {
  const pages = pdfText(file, options).split("\f");
  // pdftotext ends every page with a form feed, so the last piece is empty.
  if (pages.at(-1)?.trim() === "") pages.pop();
  return pages;
}

/** pdfinfo's fields, e.g. Title, Author, Pages, Tagged, "Page size". */
export function pdfInfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run("pdfinfo", ["-enc", "UTF-8", file]).split("\n")) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1]!.trim()] = m[2]!.trim();
  }
  return out;
}

export function pdfPageCount(file: string): number {
  return Number(pdfInfo(file).Pages);
}

/** Page width and height in points, from pdfinfo ("594.96 x 841.92 pts (A4)"). */
export function pdfPageSize(file: string): { width: number; height: number } {
  const m = /([\d.]+) x ([\d.]+) pts/.exec(pdfInfo(file)["Page size"] ?? "");
  if (!m) throw new Error(`pdfinfo gave no page size for ${file}`);
  return { width: Number(m[1]), height: Number(m[2]) };
}

export interface PdfFont {
  /** Font name without the subset prefix ("ABCDEF+"). */
  name: string;
  type: string;
  embedded: boolean;
  subset: boolean;
  unicode: boolean;
}

/** Every font pdffonts lists. */
export function pdfFonts(file: string): PdfFont[] {
  const lines = run("pdffonts", [file]).split("\n");
  const rule = lines.findIndex((l) => /^-+ -+/.test(l));
  if (rule < 0) throw new Error(`unexpected pdffonts output for ${file}`);
  // Columns are fixed-width, but a long name (SourceSans3ExtraLight-BoldItalic) runs into the
  // type column: read each row from the right, where the fields are single words.
  return lines
    .slice(rule + 1)
    .filter((l) => l.trim() !== "")
    .map((l) => {
      const m = /^(\S+)\s+(.+?)\s+(\S+)\s+(yes|no)\s+(yes|no)\s+(yes|no)\s+\d+\s+\d+\s*$/.exec(l);
      if (!m) throw new Error(`unexpected pdffonts row for ${file}: ${l}`);
      return { name: m[1]!.replace(/^[A-Z]{6}\+/, ""), type: m[2]!, embedded: m[4] === "yes", subset: m[5] === "yes", unicode: m[6] === "yes" };
    });
}

/**
 * Text reduced to what survives any line breaking: no whitespace, no soft hyphens, and no hyphen
 * Chromium drew at a soft hyphen (pdftotext gives "hous\u00ad-"). Compare squashed with squashed.
 */
export function squash(text: string): string {
  return text.replace(/\u00ad-?/g, "").replace(/\s+/g, "");
}

/** An entry of the PDF outline (bookmarks). */
export interface OutlineEntry {
  title: string;
  depth: number;
}

function textOf(obj: PDFObject | undefined): string | undefined {
  return obj instanceof PDFString || obj instanceof PDFHexString ? obj.decodeText() : undefined;
}

/** The PDF's catalog, for entries poppler does not print. */
export async function loadPdf(file: string): Promise<PDFDocument> {
  return PDFDocument.load(readFileSync(file), { updateMetadata: false });
}

/** The outline, depth first. */
export function pdfOutline(doc: PDFDocument): OutlineEntry[] {
  const out: OutlineEntry[] = [];
  const walk = (parent: PDFDict | undefined, depth: number) => {
    for (let item = parent?.lookupMaybe(PDFName.of("First"), PDFDict); item; item = item.lookupMaybe(PDFName.of("Next"), PDFDict)) {
      out.push({ title: textOf(item.lookup(PDFName.of("Title"))) ?? "", depth });
      walk(item, depth + 1);
    }
  };
  walk(doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict), 0);
  return out;
}

/** The catalog's /Lang, or undefined. */
export function pdfLanguage(doc: PDFDocument): string | undefined {
  return textOf(doc.catalog.lookup(PDFName.of("Lang")));
}

/** An internal link: where it is (1-based page) and the page its named destination is on. */
export interface InternalLink {
  name: string;
  page: number;
  targetPage: number | undefined;
}

/** Every link annotation that jumps to a named destination in the document (Chromium writes a /Dests dictionary). */
export function pdfInternalLinks(doc: PDFDocument): InternalLink[] {
  const pages = doc.getPages();
  const pageOf = new Map(pages.map((p, i) => [p.ref.toString(), i + 1]));
  const dests = doc.catalog.lookupMaybe(PDFName.of("Dests"), PDFDict);
  const targetOf = (name: string): number | undefined => {
    const dest = dests?.lookupMaybe(PDFName.of(name), PDFArray);
    const ref = dest?.get(0);
    return ref ? pageOf.get(ref.toString()) : undefined;
  };
  const links: InternalLink[] = [];
  pages.forEach((page, i) => {
    const annots = page.node.Annots();
    for (let k = 0; k < (annots?.size() ?? 0); k++) {
      const annot = annots!.lookup(k, PDFDict);
      if (annot.lookup(PDFName.of("Subtype")) !== PDFName.of("Link")) continue;
      const dest = annot.lookup(PDFName.of("Dest"));
      const name = dest instanceof PDFName ? dest.decodeText() : textOf(dest);
      if (name !== undefined) links.push({ name, page: i + 1, targetPage: targetOf(name) });
    }
  });
  return links;
}

/** A line of text as pdftotext -bbox-layout groups it, in points from the page's top-left corner. */
export interface PdfLine {
  /** 1-based page number. */
  page: number;
  /** Index of the line's block (pdftotext's paragraph-like group) in the document. */
  block: number;
  x: number;
  y: number;
  width: number;
  height: number;
  /** The line's words, in order. */
  words: { text: string; x: number; width: number }[];
  text: string;
}

/** Every line of `file` with its position and its words' positions (pdftotext -bbox-layout). */
export function pdfLines(file: string): PdfLine[] {
  const xml = run("pdftotext", ["-enc", "UTF-8", "-bbox-layout", file, "-"]);
  const decode = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, "&");
  const out: PdfLine[] = [];
  let block = 0;
  xml.split("<page ").slice(1).forEach((pageXml, p) => {
    for (const blockXml of pageXml.split("<block ").slice(1)) {
      block++;
      for (const m of blockXml.matchAll(/<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g)) {
        const words = [...m[5]!.matchAll(/<word xMin="([\d.]+)" yMin="[\d.]+" xMax="([\d.]+)" yMax="[\d.]+">([^<]*)<\/word>/g)].map((w) => ({ text: decode(w[3]!), x: Number(w[1]), width: Number(w[2]) - Number(w[1]) }));
        const x = Number(m[1]);
        const y = Number(m[2]);
        out.push({ page: p + 1, block, x, y, width: Number(m[3]) - x, height: Number(m[4]) - y, words, text: words.map((w) => w.text).join(" ") });
      }
    }
  });
  return out;
}
