/**
 * PDF/A-2b copies for the archive, made with Ghostscript (Debian's `ghostscript` package), then
 * checked: every font still embedded (pdffonts) and the text still extractable (pdftotext).
 * Ghostscript does not carry the structure tree or attachments over; the PDF/A copy sits beside
 * the tagged original. No PDF/A validator (veraPDF) is packaged for Debian, so conformance rests on
 * Ghostscript's PDF/A mode plus these checks.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ArchiveError } from "../errors.ts";
import { PDFDocument, PDFName } from "pdf-lib";
import { finishPdf, type PdfMetadata } from "../print/finish-pdf.ts";

function findRgbProfile(): string {
  const root = "/usr/share/ghostscript";
  if (existsSync(root)) {
    for (const v of readdirSync(root).sort().reverse()) {
      for (const name of ["srgb.icc", "default_rgb.icc"]) {
        const icc = path.join(root, v, "iccprofiles", name);
        if (existsSync(icc)) return icc;
      }
    }
  }
  throw new ArchiveError("--pdfa needs Ghostscript's ICC profiles: install them with  sudo apt-get install ghostscript");
}

/** Ghostscript's PDF/A definition: the document title and an sRGB output intent. */
function pdfaDefinition(icc: string): string {
  return `%!
/ICCProfile (${icc}) def
[/_objdef {icc_PDFA} /type /stream /OBJ pdfmark
[{icc_PDFA} << /N 3 >> /PUT pdfmark
[{icc_PDFA} ICCProfile (r) file /PUT pdfmark
[/_objdef {OutputIntent_PDFA} /type /dict /OBJ pdfmark
[{OutputIntent_PDFA} << /Type /OutputIntent /S /GTS_PDFA1 /DestOutputProfile {icc_PDFA} /OutputConditionIdentifier (sRGB) /Info (sRGB IEC61966-2.1) >> /PUT pdfmark
[{Catalog} << /OutputIntents [ {OutputIntent_PDFA} ] >> /PUT pdfmark
`;
}

/** Writes a PDF/A-2b copy of `input` to `output` and checks it; throws ArchiveError on failure. */
export async function convertToPdfA(input: string, output: string, meta: PdfMetadata): Promise<void> {
  if (spawnSync("gs", ["--version"]).status !== 0) throw new ArchiveError("--pdfa needs Ghostscript: install it with  sudo apt-get install ghostscript");
  const icc = findRgbProfile();
  const dir = mkdtempSync(path.join(os.tmpdir(), "greenbook-pdfa-"));
  try {
    const def = path.join(dir, "PDFA_def.ps");
    writeFileSync(def, pdfaDefinition(icc));
    const converted = path.join(dir, "pdfa.pdf");
    // PDF/A-2 may only embed PDF/A files: the data attachments stay in the original.
    const plain = path.join(dir, "plain.pdf");
    const doc = await PDFDocument.load(readFileSync(input), { updateMetadata: false });
    doc.catalog.delete(PDFName.of("Names"));
    doc.catalog.delete(PDFName.of("AF"));
    writeFileSync(plain, await doc.save({ useObjectStreams: false }));
    const r = spawnSync(
      "gs",
      [
        "-dPDFA=2",
        "-dBATCH",
        "-dNOPAUSE",
        "-dQUIET",
        `--permit-file-read=${path.dirname(icc)}/`,
        "-sDEVICE=pdfwrite",
        "-sColorConversionStrategy=RGB",
        "-sProcessColorModel=DeviceRGB",
        "-dPDFACompatibilityPolicy=1",
        "-dEmbedAllFonts=true",
        `-sOutputFile=${converted}`,
        def,
        plain,
      ],
      { encoding: "utf8", env: { ...process.env, SOURCE_DATE_EPOCH: String(Math.floor(meta.date.getTime() / 1000)) } },
    );
    if (r.status !== 0) throw new ArchiveError(`Ghostscript could not make a PDF/A copy of ${path.basename(input)}: ${r.stderr || r.stdout}`);
    // Ghostscript 10.00 drops non-ASCII document information in PDF/A mode; set it, and XMP to match.
    writeFileSync(output, await finishPdf(readFileSync(converted), meta, [], { pdfa: true }));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  verifyPdfA(input, output);
}

/** The PDF/A copy must keep every font embedded and the text of the original extractable. */
function verifyPdfA(original: string, file: string): void {
  const fonts = execFileSync("pdffonts", [file], { encoding: "utf8" }).split("\n").slice(2).filter((l) => l.trim());
  const bad = fonts.filter((l) => /Type 3/.test(l) || !/\byes\b/.test(l.slice(-30)));
  if (bad.length) throw new ArchiveError(`${path.basename(file)}: the PDF/A copy has fonts that are not embedded:\n  ${bad.join("\n  ")}`);
  // Letters and digits only: Ghostscript 10.00 re-encodes a few punctuation marks (’ comes out
  // as ¼ or ʼ) and drops soft hyphens; words must all survive.
  const text = (f: string) => execFileSync("pdftotext", [f, "-"], { encoding: "utf8" }).replace(/[^\p{L}\p{N}]+/gu, "");
  const count = (t: string) => {
    const m = new Map<string, number>();
    for (const ch of t) m.set(ch, (m.get(ch) ?? 0) + 1);
    return m;
  };
  const before = count(text(original));
  const after = count(text(file));
  let total = 0;
  let kept = 0;
  for (const [ch, n] of before) {
    total += n;
    kept += Math.min(n, after.get(ch) ?? 0);
  }
  if (kept < total * 0.99) {
    const gs = spawnSync("gs", ["--version"], { encoding: "utf8" }).stdout.trim();
    throw new ArchiveError(
      `${path.basename(file)}: the PDF/A copy lost text: only ${kept} of ${total} letters and digits can still be extracted. ` +
        `Ghostscript ${gs} re-encodes the embedded fonts with wrong Unicode mappings (CJK characters and curly quotes), so it cannot make a faithful PDF/A copy here; nothing was archived. Archive without --pdfa (the tagged PDF is the reference copy).`,
    );
  }
}
