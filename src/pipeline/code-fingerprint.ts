import { hashOf } from "../io/hash.ts";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const cached = new Map<string, string>();

/**
 * A hash of greenbook's own code and locked dependencies. Cached stage results are keyed by it
 * too, so a change to the code (not only to data or templates) never reuses a stale result.
 */
export function codeFingerprint(chapterDir?: string): string {
  const key = chapterDir ?? "";
  const hit = cached.get(key);
  if (hit) return hit;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const parts: (string | Uint8Array)[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      // Scripts run in the page (Paged.js fixes, the proofreader's measurements) are code too.
      else if (name.endsWith(".ts") || name.endsWith(".js")) parts.push(name, readFileSync(full));
    }
  };
  walk(path.join(root, "src"));
  // A chapter's own code (its statistics, figures, tables) is code too; its data and templates are keyed separately.
  if (chapterDir) walk(path.resolve(chapterDir));
  try {
    parts.push(readFileSync(path.join(root, "package-lock.json")));
  } catch {
    /* no lock file: the code alone */
  }
  const fingerprint = hashOf(...parts).slice(0, 16);
  cached.set(key, fingerprint);
  return fingerprint;
}
