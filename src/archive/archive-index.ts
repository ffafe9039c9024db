/**
 * output/archive/index.json and index.html: the list of archived versions. The index is always
 * rebuilt from the version folders' manifests under a lock file, and written by rename, so two
 * archive runs at once can neither corrupt it nor lose each other's entry.
 */
import { closeSync, existsSync, openSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { ArchiveError } from "../errors.ts";
import { escapeHtml } from "../render/escape.ts";
import type { Manifest } from "./manifest.ts";

const LOCK_STALE_MS = 10 * 60_000;

/** Runs `f` holding `<root>/index.lock` (created exclusively); waits up to `timeoutMs` for another holder. */
export async function withIndexLock<T>(root: string, f: () => T, timeoutMs = 60_000): Promise<T> {
  const lock = path.join(root, "index.lock");
  const start = Date.now();
  for (;;) {
    try {
      closeSync(openSync(lock, "wx"));
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
      try {
        if (Date.now() - statSync(lock).mtimeMs > LOCK_STALE_MS) rmSync(lock, { force: true });
      } catch {
        /* released meanwhile */
      }
      if (Date.now() - start > timeoutMs) throw new ArchiveError(`another archive run holds ${lock}; try again when it has finished (or remove the file if no run is active)`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  try {
    return f();
  } finally {
    rmSync(lock, { force: true });
  }
}

export interface IndexEntry {
  version: string;
  editionVersion: string;
  buildTime: string;
  dataHash: string;
  outputs: { path: string; pages?: number; bytes: number }[];
}

/** Reads every version folder's manifest; skips temporary folders of runs in progress. */
export function readArchive(root: string): { entry: IndexEntry; manifest: Manifest }[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => !name.startsWith(".") && existsSync(path.join(root, name, "manifest.json")))
    .map((name) => {
      const manifest = JSON.parse(readFileSync(path.join(root, name, "manifest.json"), "utf8")) as Manifest;
      return {
        manifest,
        entry: { version: manifest.version, editionVersion: manifest.editionVersion, buildTime: manifest.buildTime, dataHash: manifest.dataHash, outputs: manifest.outputs.map(({ path: p, pages, bytes }) => ({ path: p, pages, bytes })) },
      };
    })
    .sort((a, b) => a.entry.buildTime.localeCompare(b.entry.buildTime) || a.entry.version.localeCompare(b.entry.version, "en", { numeric: true }));
}

/** Rewrites index.json and index.html from the version folders. Call under the lock. */
export function writeIndex(root: string): IndexEntry[] {
  const entries = readArchive(root).map((r) => r.entry);
  const write = (name: string, text: string) => {
    const tmp = path.join(root, `.${name}.${process.pid}.tmp`);
    writeFileSync(tmp, text);
    renameSync(tmp, path.join(root, name));
  };
  write("index.json", `${JSON.stringify({ versions: entries }, null, 2)}\n`);
  write("index.html", indexHtml(entries));
  return entries;
}

function indexHtml(entries: IndexEntry[]): string {
  const rows = entries
    .map((e) => {
      const links = e.outputs
        .filter((o) => !o.path.startsWith("inputs/") && o.path !== "manifest.json" && /\.(pdf|html)$/.test(o.path))
        .map((o) => `<a href="${escapeHtml(`${e.version}/${o.path}`)}">${escapeHtml(o.path)}</a>${o.pages ? ` (${o.pages} pp.)` : ""}`)
        .join("<br>");
      return `<tr><th scope="row"><a href="${escapeHtml(e.version)}/manifest.json">${escapeHtml(e.version)}</a></th><td>${escapeHtml(e.editionVersion)}</td><td>${escapeHtml(e.buildTime.slice(0, 10))}</td><td><code>${escapeHtml(e.dataHash.slice(0, 12))}</code></td><td>${links}</td></tr>`;
    })
    .join("\n");
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>greenbook archive</title>
<style>body{font-family:system-ui,sans-serif;max-width:60rem;margin:2rem auto;padding:0 1rem}table{border-collapse:collapse;width:100%}th,td{text-align:left;vertical-align:top;padding:.4rem .6rem;border-bottom:1px solid #ccc}</style>
</head><body><main><h1>Archived releases</h1>
<table><thead><tr><th scope="col">Version</th><th scope="col">Edition</th><th scope="col">Date</th><th scope="col">Data</th><th scope="col">Files</th></tr></thead>
<tbody>
${rows}
</tbody></table></main></body></html>
`;
}
