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

  it("lets the block allocator keep as much as the memory limit", async () => {
    const session = await openSession({ threads: 1, memoryLimit: "1GB" });
    try {
      const rows = await session.all("SELECT name, value FROM duckdb_settings() WHERE name IN ('block_allocator_memory', 'memory_limit') ORDER BY name");
      const value = Object.fromEntries(rows.map((r) => [r.name, r.value]));
      expect(value.memory_limit).not.toMatch(/^0/);
      expect(value.block_allocator_memory).toBe(value.memory_limit);
    } finally {
      session.close();
    }
  });
});
