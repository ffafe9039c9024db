/**
 * A cache for build stages, keyed by the hash of a stage's inputs: a value is reused only when
 * everything it was made from is byte-for-byte the same. Kept in memory (watch, bench) and,
 * when given a folder, on disk, so a later run reuses it too. Entries are written atomically and
 * carry a checksum: a truncated or damaged entry is removed, reported, and its stage run again.
 */
import { hashOf, sha256 } from "../io/hash.ts";
import { writeFileAtomic } from "../io/write-atomic.ts";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";
import { messages } from "../messages.ts";

export { hashOf };

export class StageCache {
  private readonly memory = new Map<string, Uint8Array>();
  hits = 0;
  misses = 0;

  /** `salt` (e.g. a hash of the code) is part of every key; `onDiscard` hears of each corrupt entry removed. */
  constructor(
    private readonly dir?: string,
    private readonly salt = "",
    private readonly onDiscard?: (message: string) => void,
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
      v = this.readEntry(path.join(this.dir, id));
      if (v) this.memory.set(id, v);
    }
    if (v) this.hits++;
    else this.misses++;
    return v;
  }

  /** An entry's value from disk, or undefined when it is missing or corrupt (a corrupt one is removed and reported). */
  private readEntry(file: string): Uint8Array | undefined {
    let bytes: Buffer;
    try {
      bytes = readFileSync(file);
    } catch {
      return undefined;
    }
    const value = unwrapEntry(bytes);
    if (value) return value;
    this.discard(file, "its checksum does not match its content");
    return undefined;
  }

  private discard(file: string, why: string): void {
    rmSync(file, { force: true });
    this.onDiscard?.(messages.cacheEntryDiscarded(file, why));
  }

  set(kind: string, key: string, value: Uint8Array): void {
    const id = this.id(kind, key);
    this.memory.set(id, value);
    if (!this.dir) return;
    try {
      mkdirSync(this.dir, { recursive: true });
      writeFileAtomic(path.join(this.dir, id), wrapEntry(value));
    } catch {
      // A cache that cannot be written only costs time.
    }
  }

  /** JSON values through the same cache; an entry that does not parse is discarded like a corrupt one. */
  getJson<T>(kind: string, key: string): T | undefined {
    const v = this.get(kind, key);
    if (!v) return undefined;
    try {
      return JSON.parse(Buffer.from(v).toString("utf8")) as T;
    } catch {
      const id = this.id(kind, key);
      this.memory.delete(id);
      if (this.dir) this.discard(path.join(this.dir, id), "it is not valid JSON");
      return undefined;
    }
  }

  setJson(kind: string, key: string, value: unknown): void {
    this.set(kind, key, Buffer.from(JSON.stringify(value), "utf8"));
  }
}

/** An entry on disk: a magic tag, the sha256 of the value, then the value; a truncated or altered entry fails the check. */
const MAGIC = Buffer.from("greenbook-cache-1\n");

function wrapEntry(value: Uint8Array): Buffer {
  return Buffer.concat([MAGIC, Buffer.from(sha256(value), "hex"), value]);
}

function unwrapEntry(bytes: Buffer): Uint8Array | undefined {
  const head = MAGIC.length + 32;
  if (bytes.length < head || !bytes.subarray(0, MAGIC.length).equals(MAGIC)) return undefined;
  const value = bytes.subarray(head);
  return Buffer.from(sha256(value), "hex").equals(bytes.subarray(MAGIC.length, head)) ? value : undefined;
}

/** Entries a cache folder keeps (a build writes ~180: charts, prints, ~160 font subsets); beyond this the least recently written are removed. */
export const MAX_CACHE_ENTRIES = 1000;

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
