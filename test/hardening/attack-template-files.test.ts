/**
 * Template files that are not ordinary files (found while re-running attack.md, issue 17 point 5:
 * "FIFOs or other non-regular files … never a hang"). A FIFO named like a template made `check`
 * block for ever in readFileSync, deaf even to SIGTERM (greenbook traps it, and a blocked thread
 * never runs the handler); a folder named like one, or a file where a template folder belongs, was
 * an internal error (exit 70). Each is now a TemplateError naming the file, exit 1.
 */
import { execFileSync, spawn } from "node:child_process";
import { cpSync, mkdirSync, rmSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { MAX_TEMPLATE_BYTES } from "../../src/io/read-template-file.ts";
import { TEMPLATES_DIR } from "../helpers/chapter.ts";
import { makeTempDir, removeDataCopies, REPO_ROOT } from "../helpers/data-copy.ts";

afterAll(removeDataCopies);

function copyTemplates(): string {
  const dir = path.join(makeTempDir("greenbook-template-files-"), "templates");
  cpSync(TEMPLATES_DIR, dir, { recursive: true });
  return dir;
}

async function run(argv: string[]): Promise<{ code: number; stderr: string[] }> {
  const stderr: string[] = [];
  const code = await main(argv, { stdout: () => undefined, stderr: (l) => stderr.push(...l.split("\n")) });
  return { code, stderr };
}

describe("template files that are not ordinary files", () => {
  it("a FIFO named like a prose template: `check` as a process ends at once with exit 1, naming it", async () => {
    const dir = copyTemplates();
    const fifo = path.join(dir, "en/chapter/09-pipe.md");
    execFileSync("mkfifo", [fifo]);
    // SIGKILL: a process blocked reading the FIFO would not answer SIGTERM.
    const r = await new Promise<{ status: number | null; stderr: string }>((resolve, reject) => {
      const child = spawn(process.execPath, ["bin/greenbook.js", "check", "--templates", dir], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" }, timeout: 90_000, killSignal: "SIGKILL" });
      let stderr = "";
      child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      child.on("error", reject);
      child.on("close", (status) => resolve({ status, stderr }));
    });
    expect(r.stderr.trim()).toBe(`greenbook check: ${fifo}: expected an ordinary file, got a named pipe (FIFO); put the template in a regular file`);
    expect(r.status).toBe(1);
  }, 120_000);

  it("charts.yaml as a FIFO is refused the same way (in-process: nothing blocks)", async () => {
    const dir = copyTemplates();
    const file = path.join(dir, "zh-HK/charts.yaml");
    rmSync(file);
    execFileSync("mkfifo", [file]);
    const r = await run(["check", "--templates", dir]);
    expect(r.stderr).toEqual([`greenbook check: ${file}: expected an ordinary file, got a named pipe (FIFO); put the template in a regular file`]);
    expect(r.code).toBe(1);
  });

  it("a folder named like a template", async () => {
    const dir = copyTemplates();
    const folder = path.join(dir, "en/handout/extra.md");
    mkdirSync(folder);
    const r = await run(["check", "--templates", dir]);
    expect(r.stderr).toEqual([`greenbook check: ${folder}: expected an ordinary file, got a folder; put the template in a regular file`]);
    expect(r.code).toBe(1);
  });

  it("a file where a template folder belongs", async () => {
    const dir = copyTemplates();
    const chapterDir = path.join(dir, "zh-HK/chapter");
    rmSync(chapterDir, { recursive: true });
    writeFileSync(chapterDir, "not a folder\n");
    const r = await run(["check", "--templates", dir]);
    expect(r.stderr).toEqual([`greenbook check: ${chapterDir}: expected a folder of templates, but it cannot be listed (ENOTDIR)`]);
    expect(r.code).toBe(1);
  });

  it("a template over the size limit is refused by its size, before it is read", async () => {
    const dir = copyTemplates();
    const big = path.join(dir, "en/chapter/99-big.md");
    writeFileSync(big, "");
    truncateSync(big, MAX_TEMPLATE_BYTES + 1);
    const r = await run(["check", "--templates", dir]);
    expect(r.stderr).toEqual([`greenbook check: ${big}: the file is ${MAX_TEMPLATE_BYTES + 1} bytes, over the ${MAX_TEMPLATE_BYTES}-byte limit for a template`]);
    expect(r.code).toBe(1);
  });
});
