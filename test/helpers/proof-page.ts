/**
 * A small document printed the way the build prints a chapter (Paged.js in Chromium, the
 * proofreader's measurements in the same tab) and proofread, for one test per proofreading rule.
 */
import type { BrowserSession } from "../../src/browser/launch-browser.ts";
import { facesForText, facesOf, fontFaceCss } from "../../src/fonts/font-faces.ts";
import { fontAssets, fontAssetUrl } from "./font-files.ts";
import { pagedScripts, printPdf } from "../../src/print/print-pdf.ts";
import type { DocumentProof } from "../../src/proof/proof-report.ts";
import { DEFAULT_PROOF_SETTINGS, proofSettingsSchema } from "../../src/proof/proof-settings.ts";
import { measureOptions, proofreadDocument } from "../../src/proof/proofread-document.ts";

const FACES = facesOf(["Source Serif 4", "Noto Serif HK"]);

/**
 * Prints `body` on small pages (100 × 140 mm, 10 mm margins, Source Serif 4 / Noto Serif HK at
 * 10/14 pt) with Paged.js unless `paginate` is false, and proofreads it with `settings`
 * (edition.yaml's proof: block; default the defaults).
 */
export async function proofreadHtml(session: BrowserSession, body: string, options: ProofPageOptions = {}): Promise<DocumentProof> {
  return (await printAndProofread(session, body, options)).proof;
}

interface ProofPageOptions {
  css?: string;
  settings?: unknown;
  paginate?: boolean;
  firstFolio?: number;
  /** Print without greenbook's Paged.js corrections (paged-fixes.js), which prevent some of what the rules catch. */
  fixes?: boolean;
}

/** As proofreadHtml, with the printed PDF too. */
export async function printAndProofread(session: BrowserSession, body: string, options: ProofPageOptions = {}): Promise<{ proof: DocumentProof; pdf: Uint8Array }> {
  const settings = options.settings === undefined ? DEFAULT_PROOF_SETTINGS : proofSettingsSchema.parse(options.settings);
  const paginate = options.paginate !== false;
  // Only the faces the text needs: Paged.js waits for every declared face before layout.
  const faces = facesForText(FACES, `${body} abc`);
  const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><style>
${fontFaceCss(faces, fontAssetUrl)}
@page { size: 100mm 140mm; margin: 10mm; }
html, body { margin: 0; }
body { font-family: "Source Serif 4", "Noto Serif HK", serif; font-size: 10pt; line-height: 14pt; }
p { margin: 0; text-align: justify; hyphens: manual; }
${options.css ?? ""}
</style>${paginate ? pagedScripts({ fixes: options.fixes }) : ""}</head><body>${body}</body></html>`;
  const printed = await printPdf(session, { name: "test/proof", html, assets: fontAssets(faces), paginate, measure: measureOptions(settings) });
  return { proof: await proofreadDocument({ document: "test/proof", layout: printed.layout!, pdf: printed.pdf, firstFolio: options.firstFolio, settings }), pdf: printed.pdf };
}

/** The findings of one rule as "rule@page", for compact assertions. */
export function findingsOf(proof: DocumentProof, rule: string): string[] {
  return proof.findings.filter((f) => f.rule === rule).map((f) => `${f.severity} ${f.rule} p${f.page}${f.folio === undefined ? "" : ` folio ${f.folio}`}`);
}
