/**
 * A cache for build stages, keyed by the hash of a stage's inputs: a value is reused only when
 * everything it was made from is byte-for-byte the same. Kept in memory (watch, bench) and,
 * when given a folder, on disk, so a later run reuses it too. Entries are written atomically.
 */
import { randomBytes } from "node:crypto";
import { hashOf } from "../io/hash.ts";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

export { hashOf };

export class StageCache {
  private readonly memory = new Map<string, Uint8Array>();
  hits = 0;
  misses = 0;

  /** `salt` (e.g. a hash of the code) is part of every key. */
  constructor(
    private readonly dir?: string,
    private readonly salt = "",
  ) {
    if (dir) pruneCache(dir);
  }

  private id(kind: string, key: string): string {
    return `${kind}-${this.salt ? hashOf(this.salt, key).slice(0, 40) : key}`;
  }

  get(kind: string, key: string): Uint8Array | undefined {
    const id = this.id(kind, key);
    let v = this.memory.get(id);
    if (!v && this.dir) {
      const file = path.join(this.dir, id);
      if (existsSync(file)) {
        v = readFileSync(file);
        this.memory.set(id, v);
      }
    }
    if (v) this.hits++;
    else this.misses++;
    return v;
  }

  set(kind: string, key: string, value: Uint8Array): void {
    const id = this.id(kind, key);
    this.memory.set(id, value);
    if (!this.dir) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      const tmp = path.join(this.dir, `.${id}.${randomBytes(4).toString("hex")}`);
      writeFileSync(tmp, value);
      renameSync(tmp, path.join(this.dir, id));
    } catch {
      // A cache that cannot be written only costs time.
    }
  }

  /** JSON values through the same cache. */
  getJson<T>(kind: string, key: string): T | undefined {
    const v = this.get(kind, key);
    return v ? (JSON.parse(Buffer.from(v).toString("utf8")) as T) : undefined;
  }

  setJson(kind: string, key: string, value: unknown): void {
    this.set(kind, key, Buffer.from(JSON.stringify(value), "utf8"));
  }
}

/** Entries a cache folder keeps; beyond this the least recently written are removed. */
export const MAX_CACHE_ENTRIES = 400;

function pruneCache(dir: string, keep = MAX_CACHE_ENTRIES): void {
  try {
    if (!existsSync(dir)) return;
    const entries = readdirSync(dir).filter((n) => !n.startsWith("."));
    if (entries.length <= keep) return;
    const byAge = entries.map((n) => ({ n, t: statSync(path.join(dir, n)).mtimeMs })).sort((a, b) => b.t - a.t);
    for (const { n } of byAge.slice(keep)) rmSync(path.join(dir, n), { force: true });
  } catch {
    // Pruning is housekeeping; a failure only leaves the cache larger.
  }
}
