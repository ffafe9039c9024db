/**
 * Proofreads one printed document: its measured pages (taken in the print) and its PDF's text
 * layer (read with pdftotext), against the edition's proof settings.
 */
import type { PageLayout } from "./page-layout.ts";
import type { DocumentProof } from "./proof-report.ts";
import type { ProofSettings } from "./proof-settings.ts";
import { extractPageTexts, textLayerProblems } from "./check-text-layer.ts";
import { proofreadLayout } from "./proofread-layout.ts";

export interface DocumentToProofread {
  /** The document, e.g. "en/chapter". */
  document: string;
  layout: PageLayout;
  /** The PDF as printed. */
  pdf: Uint8Array;
  /** The folio of the first page, for a document printed with page numbers. */
  firstFolio?: number;
  settings: ProofSettings;
}

/** The findings on every page of the document. */
export async function proofreadDocument(d: DocumentToProofread): Promise<DocumentProof> {
  const textLayer = d.settings.rules["text-layer"].severity === "off" ? [] : textLayerProblems(await extractPageTexts(d.pdf));
  return proofreadLayout({ document: d.document, layout: d.layout, firstFolio: d.firstFolio, textLayer, settings: d.settings });
}

/** What the print must measure for these settings. */
export function measureOptions(settings: ProofSettings): { keepWhole: string[] } {
  return { keepWhole: settings.rules["split-box"].severity === "off" ? [] : settings.rules["split-box"].selectors };
}
