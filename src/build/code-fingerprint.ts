import { createHash } from "node:crypto";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

let cached: string | undefined;

/**
 * A hash of greenbook's own code and locked dependencies. Cached stage results are keyed by it
 * too, so a change to the code (not only to data or templates) never reuses a stale result.
 */
export function codeFingerprint(): string {
  if (cached) return cached;
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
  const h = createHash("sha256");
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith(".ts")) h.update(name).update(readFileSync(full));
    }
  };
  walk(path.join(root, "src"));
  try {
    h.update(readFileSync(path.join(root, "package-lock.json")));
  } catch {
    /* no lock file: the code alone */
  }
  cached = h.digest("hex").slice(0, 16);
  return cached;
}
