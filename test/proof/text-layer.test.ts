/** pdftotext as the proofreader runs it: page texts, and clear errors when it cannot help. */
import { describe, expect, it } from "vitest";
import { PDFDocument, StandardFonts } from "pdf-lib";
import { PrintError } from "../../src/errors.ts";
import { extractPageTexts } from "../../src/proof/check-text-layer.ts";

async function twoPagePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const text of ["First page", "Second page"]) doc.addPage([200, 200]).drawText(text, { x: 20, y: 100, size: 12, font });
  return doc.save({ useObjectStreams: false });
}

describe("extractPageTexts", () => {
  it("gives each page's text", async () => {
    const pages = await extractPageTexts(await twoPagePdf());
    expect(pages.map((p) => p.trim())).toEqual(["First page", "Second page"]);
  });

  it("names pdftotext's complaint when the bytes are not a PDF", async () => {
    const err = await extractPageTexts(new TextEncoder().encode("not a pdf at all")).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(PrintError);
    expect((err as Error).message).toMatch(/^pdftotext could not read the printed PDF: pdftotext exited with \d+/);
  });

  it("says how to install pdftotext when it is missing", async () => {
    const path = process.env.PATH;
    process.env.PATH = "/nonexistent";
    try {
      const err = await extractPageTexts(await twoPagePdf()).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(PrintError);
      expect((err as Error).message).toContain("pdftotext, which is not installed (Debian: apt-get install poppler-utils)");
    } finally {
      process.env.PATH = path;
    }
  });
});
