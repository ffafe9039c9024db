/**
 * What a PDF viewer shows to navigate a printed chapter: page labels, so the viewer's page box
 * reads the book's folios (172, 173 …) rather than 1, 2 …, and the outline's top entry, which
 * Chromium takes from the laid-out heading (lines joined without a space, the visually hidden
 * colon between title and subtitle lost) and greenbook replaces with the full title.
 */
import { PDFDict, PDFHexString, PDFName, type PDFDocument } from "pdf-lib";

/** Labels every page with its folio, in decimal, from `firstFolio` on the first page. */
export function labelPages(doc: PDFDocument, firstFolio: number): void {
  const labels = doc.context.obj({ Nums: [0, doc.context.obj({ S: PDFName.of("D"), St: firstFolio })] });
  doc.catalog.set(PDFName.of("PageLabels"), labels);
}

/** Gives the outline's first top-level entry the title `title`; no outline, no change. */
export function titleOutline(doc: PDFDocument, title: string): void {
  const outlines = doc.catalog.lookupMaybe(PDFName.of("Outlines"), PDFDict);
  const first = outlines?.lookupMaybe(PDFName.of("First"), PDFDict);
  if (first) first.set(PDFName.of("Title"), PDFHexString.fromText(title));
}
