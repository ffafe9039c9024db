import { createHash } from "node:crypto";

/** The SHA-256 of bytes or text, in hex: greenbook's one hash function. */
export function sha256(data: Uint8Array | string): string {
  return createHash("sha256").update(data).digest("hex");
}

/** A SHA-256 over several parts (NUL-separated), e.g. a cache key from everything a result is made from. */
export function hashOf(...parts: (string | Uint8Array)[]): string {
  const h = createHash("sha256");
  for (const p of parts) {
    h.update(typeof p === "string" ? p : Buffer.from(p));
    h.update("\0");
  }
  return h.digest("hex");
}
