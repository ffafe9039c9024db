/**
 * The printed pages of every document, proofread without writing anything: the build's own
 * pipeline (render, paginate, print, proofread) with the output folder left alone (`check`).
 */
import os from "node:os";
import path from "node:path";
import { buildEdition, type BuildOptions } from "./build-edition.ts";
import type { ProofReport } from "../proof/proof-report.ts";

/** The proofreader's report on every document the build would print. */
export async function proofreadEdition(options: Omit<BuildOptions, "outDir" | "write">, run: { signal?: AbortSignal } = {}): Promise<ProofReport> {
  // No output folder is written or locked; the path only names where a build would write.
  const result = await buildEdition({ ...options, outDir: path.join(os.tmpdir(), "greenbook-check"), write: false }, run);
  return result.proof;
}
