import path from "node:path";
import { ArchiveError } from "../errors.ts";
import { messages } from "../messages.ts";

/** Where archived releases live inside an output folder. */
export function archiveRoot(outDir: string): string {
  return path.join(outDir, "archive");
}

/** A version label: a folder name of a safe alphabet, starting with a letter or digit. */
export const VERSION_LABEL = /^[0-9A-Za-z][0-9A-Za-z._-]{0,63}$/;

/** Names the archive keeps for itself (index.json, index.html, index.lock and its temporary files). */
const RESERVED = /^index(\.|$)/i;

/** Version labels become folder names beside the index: a safe alphabet, and never one of the index's own names. */
export function checkVersionLabel(version: string): string {
  if (!VERSION_LABEL.test(version) || version.includes("..")) throw new ArchiveError(messages.versionLabel(version));
  if (RESERVED.test(version)) throw new ArchiveError(messages.versionReserved(version));
  return version;
}
