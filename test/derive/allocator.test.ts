import { execFileSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openSession } from "../../src/derive/session.ts";

const ROOT = path.resolve(import.meta.dirname, "../..");
/** What DUCKDB_JE_MALLOC_CONF is once the session module (and so DuckDB) has been imported, in a fresh process. */
function confAfterImport(env: NodeJS.ProcessEnv): string {
  const script = `import("${path.join(ROOT, "src/derive/session.ts")}").then(() => process.stdout.write(process.env.DUCKDB_JE_MALLOC_CONF ?? "(unset)"))`;
  return execFileSync(process.execPath, ["--import", "tsx", "-e", script], { cwd: ROOT, env, encoding: "utf8" });
}

describe("DuckDB keeps the memory it frees (derive's first-touch cost)", () => {
  it("turns jemalloc's decay off before DuckDB loads, unless the user set it", () => {
    const { DUCKDB_JE_MALLOC_CONF: _, ...env } = process.env;
    expect(confAfterImport(env)).toBe("dirty_decay_ms:-1,muzzy_decay_ms:-1");
    expect(confAfterImport({ ...env, DUCKDB_JE_MALLOC_CONF: "dirty_decay_ms:500" })).toBe("dirty_decay_ms:500");
  });

  it.each([["1GB"], [undefined]])("lets the block allocator keep as much as the memory limit (limit %s)", async (memoryLimit) => {
    const session = await openSession({ threads: 1, memoryLimit });
    try {
      const rows = await session.all("SELECT name, value FROM duckdb_settings() WHERE name IN ('block_allocator_memory', 'memory_limit') ORDER BY name");
      const value = Object.fromEntries(rows.map((r) => [r.name, bytes(String(r.value))]));
      expect(value.memory_limit).toBeGreaterThan(0);
      // DuckDB shows sizes to one decimal, so the value set from the shown limit may differ by a rounding step (18.8 GiB shown, 18.7 GiB set back).
      expect(Math.abs(value.block_allocator_memory! - value.memory_limit!) / value.memory_limit!).toBeLessThan(0.01);
    } finally {
      session.close();
    }
  });
});

/** Bytes in a size as DuckDB shows it ("953.6 MiB", "18.8 GiB"). */
function bytes(shown: string): number {
  const m = /^([\d.]+)\s*(bytes|KiB|MiB|GiB|TiB)$/.exec(shown);
  if (!m) throw new Error(`not a size: ${shown}`);
  return Number(m[1]) * 1024 ** ["bytes", "KiB", "MiB", "GiB", "TiB"].indexOf(m[2]!);
}
