import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";

/** What an archived release is made of, and what made it. */
export interface Manifest {
  /** The archive's version label (the folder name). */
  version: string;
  /** The version the edition metadata gives (stamped on the pages). */
  editionVersion: string;
  /** The build time every output carries (SOURCE_DATE_EPOCH or the release date). */
  buildTime: string;
  /** sha256 of the data snapshot (all data files together), as stamped on the pages. */
  dataHash: string;
  tools: { greenbook: string; node: string; chromium: string; vega: string; vegaLite: string; pagedjs: string };
  git: { commit: string; dirty: boolean } | null;
  /** Every input (data and templates) and every output, relative to the version folder's own copies. */
  inputs: FileEntry[];
  outputs: (FileEntry & { pages?: number })[];
}

export interface FileEntry {
  path: string;
  sha256: string;
  bytes: number;
}

export function sha256File(file: string): string {
  return createHash("sha256").update(readFileSync(file)).digest("hex");
}

/** Every file under `dir`, sorted, with its hash; paths relative to `base` with forward slashes. */
export function listFiles(dir: string, base: string): FileEntry[] {
  const out: FileEntry[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else out.push({ path: path.relative(base, full).split(path.sep).join("/"), sha256: sha256File(full), bytes: st.size });
    }
  };
  walk(dir);
  return out;
}
