/**
 * What loading a data file produced (parsed, validated rows; the parsed edition), kept from one
 * build to the next by the hash of the file's text, so a watch rebuild after an edit to one file
 * reads the others but parses and validates only that one. Only clean results are kept (a file
 * with problems throws before anything is remembered), and only what the last build used.
 */
import { hashOf } from "../io/hash.ts";

export class LoadMemo {
  private last = new Map<string, unknown>();
  private current = new Map<string, unknown>();

  /** The value remembered for these parts (the file's text and whatever else the result depends on), or `make()`'s. */
  get<T>(parts: readonly string[], make: () => T): T {
    const key = hashOf(...parts);
    if (this.current.has(key)) return this.current.get(key) as T;
    const value = this.last.has(key) ? (this.last.get(key) as T) : make();
    this.current.set(key, value);
    return value;
  }

  /** Starts the next build: what the build before it did not use is dropped. */
  nextBuild(): void {
    this.last = this.current;
    this.current = new Map();
  }
}
