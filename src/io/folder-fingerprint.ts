/**
 * A fingerprint of folders' files taken from their metadata alone (path, type, size, inode,
 * modification time in nanoseconds; a link's target too), without opening any file: what a
 * watch rebuild compares to know that a folder it loaded before has not changed since.
 */
import { lstatSync, readdirSync, readlinkSync, statSync, type BigIntStats } from "node:fs";
import path from "node:path";
import { hashOf } from "./hash.ts";

/** Entries a fingerprint looks at before giving up (a folder that large is not a templates folder). */
const MAX_ENTRIES = 5000;

/** The fingerprint of everything under `dirs`; undefined when a folder cannot be read whole (then nothing may be reused). */
export function folderFingerprint(dirs: readonly string[]): string | undefined {
  const lines: string[] = [];
  const stamp = (s: BigIntStats) => `${s.mode} ${s.size} ${s.ino} ${s.mtimeNs} ${s.ctimeNs}`;
  // Folders reached through links are walked too, to a depth that stops a link loop.
  const walk = (dir: string, depth = 0): boolean => {
    if (depth > 16) return false;
    let names: string[];
    try {
      names = readdirSync(dir).sort();
    } catch {
      return false;
    }
    for (const name of names) {
      if (lines.length >= MAX_ENTRIES) return false;
      const file = path.join(dir, name);
      let s: BigIntStats;
      try {
        s = lstatSync(file, { bigint: true });
      } catch {
        return false;
      }
      if (s.isSymbolicLink()) {
        let link: string;
        try {
          link = readlinkSync(file);
        } catch {
          return false;
        }
        let target: BigIntStats | undefined;
        try {
          target = statSync(file, { bigint: true });
        } catch {
          // A dangling link: recorded as such.
        }
        lines.push(`${file} link ${stamp(s)} -> ${link} ${target ? stamp(target) : "dangling"}`);
        if (target?.isDirectory() && !walk(file, depth + 1)) return false;
      } else {
        lines.push(`${file} ${stamp(s)}`);
        if (s.isDirectory() && !walk(file, depth + 1)) return false;
      }
    }
    return true;
  };
  for (const dir of dirs) {
    lines.push(`dir ${dir}`);
    if (!walk(dir)) return undefined;
  }
  return hashOf(...lines);
}
