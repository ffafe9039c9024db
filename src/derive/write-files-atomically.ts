/**
 * Writes a set of files into a folder all-or-nothing: every file is written to a staging folder
 * inside the target folder first (same file system, so renames are atomic), then renamed into
 * place; if any rename fails, the files already replaced are restored from their backups.
 */
import fs from "node:fs";
import path from "node:path";

/** Writes `files` (name → content) into `dir`, replacing existing files only if all succeed. */
export function writeFilesAtomically(dir: string, files: ReadonlyMap<string, string>): void {
  const staging = fs.mkdtempSync(path.join(dir, ".derive-staging-"));
  const backups = path.join(staging, ".backup");
  const replaced: string[] = [];
  try {
    fs.mkdirSync(backups);
    for (const [name, content] of files) fs.writeFileSync(path.join(staging, name), content);
    for (const name of files.keys()) {
      const target = path.join(dir, name);
      if (fs.existsSync(target)) fs.copyFileSync(target, path.join(backups, name));
      fs.renameSync(path.join(staging, name), target);
      replaced.push(name);
    }
  } catch (err) {
    for (const name of replaced) {
      const backup = path.join(backups, name);
      if (fs.existsSync(backup)) fs.renameSync(backup, path.join(dir, name));
      else fs.rmSync(path.join(dir, name), { force: true });
    }
    throw err;
  } finally {
    fs.rmSync(staging, { recursive: true, force: true });
  }
}
