/**
 * Temp copies of the shipped chapter's data folder (chapters/brain-drain/data) with one or more files edited, for loader and CLI
 * tests. Every copy is registered so a test file can remove them all in `afterAll`.
 */
import { cpSync, existsSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, statSync, writeFileSync } from "node:fs";
import { createHash } from "node:crypto";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";

/** The repository root (where package.json and bin/ are). */
export const REPO_ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
/** The shipped chapter's data folder. */
export const DATA_DIR = path.join(REPO_ROOT, "chapters/brain-drain/data");

const made: string[] = [];

/** A fresh empty temp folder (resolved through symlinks, so paths compare exactly). */
export function makeTempDir(prefix = "greenbook-test-"): string {
  const dir = realpathSync(mkdtempSync(path.join(os.tmpdir(), prefix)));
  made.push(dir);
  return dir;
}

/**
 * Copies data/ to a temp folder, applies each text edit to the named file (UTF-8), and
 * returns the folder. An edit that changes nothing is a mistake in the test and throws.
 */
export function copyData(edits: Record<string, (text: string) => string> = {}): string {
  const byteEdits: Record<string, (bytes: Buffer) => Buffer> = {};
  for (const [name, edit] of Object.entries(edits)) {
    byteEdits[name] = (bytes) => Buffer.from(edit(bytes.toString("utf8")), "utf8");
  }
  return copyDataBytes(byteEdits);
}

/**
 * Like copyData, but edits raw bytes (for encodings); an edit returning `null` deletes the file.
 */
export function copyDataBytes(edits: Record<string, (bytes: Buffer) => Buffer | null>): string {
  const dir = makeTempDir("greenbook-data-");
  cpSync(DATA_DIR, dir, { recursive: true });
  for (const [name, edit] of Object.entries(edits)) {
    const file = path.join(dir, name);
    if (!existsSync(file)) throw new Error(`copyData: data/${name} does not exist`);
    const before = readFileSync(file);
    const after = edit(before);
    if (after === null) {
      rmSync(file);
      continue;
    }
    if (Buffer.compare(before, after) === 0) throw new Error(`copyData: the edit of ${name} changed nothing`);
    writeFileSync(file, after);
  }
  return dir;
}

/** Every file under `dir` (relative path → sha256 of its bytes), to show a command wrote nothing. */
export function snapshotTree(dir: string): Record<string, string> {
  const out: Record<string, string> = {};
  const walk = (sub: string) => {
    for (const name of readdirSync(path.join(dir, sub)).sort()) {
      const rel = sub ? `${sub}/${name}` : name;
      const abs = path.join(dir, rel);
      if (statSync(abs).isDirectory()) {
        out[`${rel}/`] = "dir";
        walk(rel);
      } else out[rel] = createHash("sha256").update(readFileSync(abs)).digest("hex");
    }
  };
  walk("");
  return out;
}

/** Removes every temp folder this module made. */
export function removeDataCopies(): void {
  // Retried: a process that just exited (a Chromium profile's last writers) may still add a file while the folder is removed.
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
}
