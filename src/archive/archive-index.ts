/**
 * output/archive/index.json and index.html: the list of archived versions. The index is always
 * rebuilt from the version folders' manifests under the archive's lock (the same lock policy as
 * the output folder's), and a new version is published together with its index entry: the
 * version folder and the index files are renamed into place under the lock, and the version is
 * moved back out if the index cannot be written. An archive is either published and indexed, or
 * not there at all.
 */
import { existsSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { acquireLock } from "../output/output-lock.ts";
import { ArchiveError } from "../errors.ts";
import { messages } from "../messages.ts";
import { escapeHtml } from "../render/escape.ts";
import { readManifest, type Manifest } from "./manifest.ts";

/** Runs `f` holding `<root>/index.lock`; waits up to `timeoutMs` for a live archive run holding it. */
export async function withIndexLock<T>(root: string, f: () => T, timeoutMs = 60_000): Promise<T> {
  const release = await acquireLock(path.join(root, "index.lock"), { timeoutMs, holder: "another archive run", guards: root });
  try {
    return f();
  } finally {
    release();
  }
}

export interface IndexEntry {
  version: string;
  editionVersion: string;
  buildTime: string;
  dataHash: string;
  outputs: { path: string; pages?: number; bytes: number }[];
}

const entryOf = (manifest: Manifest): IndexEntry => ({
  version: manifest.version,
  editionVersion: manifest.editionVersion,
  buildTime: manifest.buildTime,
  dataHash: manifest.dataHash,
  outputs: manifest.outputs.map(({ path: p, pages, bytes }) => ({ path: p, pages, bytes })),
});

const byTimeThenVersion = (a: IndexEntry, b: IndexEntry) => a.buildTime.localeCompare(b.buildTime) || a.version.localeCompare(b.version, "en", { numeric: true });

/** Reads and validates every version folder's manifest (a corrupt one is an ArchiveError naming it); skips runs in progress. */
export function readArchive(root: string): { entry: IndexEntry; manifest: Manifest }[] {
  if (!existsSync(root)) return [];
  return readdirSync(root)
    .filter((name) => !name.startsWith(".") && statSync(path.join(root, name)).isDirectory() && existsSync(path.join(root, name, "manifest.json")))
    .map((name) => {
      const manifest = readManifest(path.join(root, name));
      return { manifest, entry: entryOf(manifest) };
    })
    .sort((a, b) => byTimeThenVersion(a.entry, b.entry));
}

/** Rewrites index.json and index.html from the version folders. Call under the lock. */
export function writeIndex(root: string): IndexEntry[] {
  const entries = readArchive(root).map((r) => r.entry);
  const staged = stageIndex(root, entries);
  try {
    for (const [tmp, final] of staged) renameSync(tmp, final);
  } finally {
    for (const [tmp] of staged) rmSync(tmp, { force: true });
  }
  return entries;
}

/**
 * Publishes the staged version folder `staged` as `<root>/<manifest.version>` with its index
 * entry, all or nothing, under the lock: every existing manifest is read first (a corrupt one
 * stops the run before anything is published), the index files are written beside their final
 * names, then the folder and the index are renamed into place; if the index cannot be renamed,
 * the index files already replaced are put back and the folder is moved back to `staged`.
 */
export async function publishVersion(root: string, staged: string, manifest: Manifest, timeoutMs?: number): Promise<string> {
  const final = path.join(root, manifest.version);
  return withIndexLock(
    root,
    () => {
      if (existsSync(final)) throw new ArchiveError(messages.alreadyArchived(manifest.version, final));
      const entries = [...readArchive(root).map((r) => r.entry), entryOf(manifest)].sort(byTimeThenVersion);
      const index = stageIndex(root, entries);
      try {
        try {
          renameSync(staged, final);
        } catch (err) {
          const code = (err as NodeJS.ErrnoException).code;
          if (code === "ENOTEMPTY" || code === "EEXIST") throw new ArchiveError(messages.alreadyArchived(manifest.version, final), { cause: err });
          throw err;
        }
        // What the index files held, to put back if only some of them could be replaced.
        const previous = index.map(([, target]) => (existsSync(target) && statSync(target).isFile() ? readFileSync(target) : undefined));
        let renamed = 0;
        try {
          for (const [tmp, target] of index) {
            renameSync(tmp, target);
            renamed++;
          }
        } catch (err) {
          restoreIndex(index.slice(0, renamed).map(([, target], i) => [target, previous[i]]));
          renameSync(final, staged);
          throw new ArchiveError(messages.indexUnwritable(root, (err as Error).message), { cause: err });
        }
      } finally {
        for (const [tmp] of index) rmSync(tmp, { force: true });
      }
      return final;
    },
    timeoutMs,
  );
}

/** Puts index files already replaced back as they were (removed, when there was none). */
function restoreIndex(files: [string, Buffer | undefined][]): void {
  for (const [target, bytes] of files) {
    if (bytes === undefined) rmSync(target, { force: true });
    else {
      const tmp = `${target}.${process.pid}.restore`;
      writeFileSync(tmp, bytes);
      renameSync(tmp, target);
    }
  }
}

/** Writes index.json and index.html for `entries` to temporary names in `root`; returns [temporary, final] pairs. */
function stageIndex(root: string, entries: IndexEntry[]): [string, string][] {
  const files: [string, string][] = [
    ["index.json", `${JSON.stringify({ versions: entries }, null, 2)}\n`],
    ["index.html", indexHtml(entries)],
  ];
  const staged: [string, string][] = [];
  try {
    for (const [name, text] of files) {
      const tmp = path.join(root, `.${name}.${process.pid}.tmp`);
      staged.push([tmp, path.join(root, name)]);
      writeFileSync(tmp, text);
    }
  } catch (err) {
    for (const [tmp] of staged) rmSync(tmp, { force: true });
    throw err;
  }
  return staged;
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
