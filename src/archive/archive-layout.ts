import path from "node:path";
import { ArchiveError } from "../errors.ts";

/** Where archived releases live inside an output folder. */
export function archiveRoot(outDir: string): string {
  return path.join(outDir, "archive");
}

/** Version labels become folder names: keep them to a safe alphabet. */
export function checkVersionLabel(version: string): string {
  if (!/^[0-9A-Za-z][0-9A-Za-z._-]{0,39}$/.test(version) || version.includes("..")) {
    throw new ArchiveError(`--version "${version}" is not a valid version label: use letters, digits, dots, dashes and underscores (e.g. 2024.1)`);
  }
  return version;
}
