/** `--browser-ws`: printing on an already-running Chromium, which is left running afterwards. */
import { spawn, type ChildProcess } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { findBrowser } from "../../src/browser/find-browser.ts";
import { CHROMIUM_FLAGS } from "../../src/browser/launch-browser.ts";
import { makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";

let chromium: ChildProcess;
let endpoint: string;

beforeAll(async () => {
  const profile = makeTempDir("greenbook-remote-chromium-");
  chromium = spawn(findBrowser(), [...CHROMIUM_FLAGS, "--headless", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"], { stdio: "ignore", detached: true });
  // Chromium writes the port and path it listens on to DevToolsActivePort; the file can exist
  // before both lines are in it, so it is read until they are.
  const file = path.join(profile, "DevToolsActivePort");
  const read = () => (existsSync(file) ? readFileSync(file, "utf8").trim().split("\n") : []);
  let lines = read();
  for (let i = 0; i < 400 && !(lines.length === 2 && /^\d+$/.test(lines[0]!) && lines[1]!.startsWith("/devtools/browser/")); i++) {
    await new Promise((r) => setTimeout(r, 50));
    lines = read();
  }
  const [port, wsPath] = lines;
  if (!port || !wsPath) throw new Error(`Chromium did not write its DevTools port to ${file} within 20 s`);
  endpoint = `ws://127.0.0.1:${port}${wsPath}`;
}, 30_000);

/** True while any process of the group led by `pid` is alive. */
function groupAlive(pid: number): boolean {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
}

afterAll(async () => {
  // Chromium's helpers (zygote, renderers, crash handler) write to the profile until they end too,
  // so the whole process group is ended and awaited before the profile is removed.
  if (chromium?.pid !== undefined) {
    const exited = chromium.exitCode === null ? new Promise((resolve) => chromium.once("exit", resolve)) : Promise.resolve();
    if (groupAlive(chromium.pid)) process.kill(-chromium.pid, "SIGTERM");
    await exited;
    for (let i = 0; i < 100 && groupAlive(chromium.pid); i++) await new Promise((r) => setTimeout(r, 50));
    if (groupAlive(chromium.pid)) process.kill(-chromium.pid, "SIGKILL");
    for (let i = 0; i < 100 && groupAlive(chromium.pid); i++) await new Promise((r) => setTimeout(r, 50));
  }
  removeDataCopies();
});

it("prints on the remote browser and leaves it running", async () => {
  const out = makeTempDir("greenbook-ws-out-");
  const lines: string[] = [];
  const code = await main(["build", "--out", out, "--lang", "en", "--only", "chapter", "--browser-ws", endpoint, "--quiet"], { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) });
  expect(code, lines.join("\n")).toBe(0);
  expect(readFileSync(path.join(out, "en", "chapter.pdf")).subarray(0, 5).toString()).toBe("%PDF-");
  expect(chromium.exitCode).toBeNull();
  expect(chromium.killed).toBe(false);
}, 180_000);

it("fails clearly when nothing listens at the address", async () => {
  const lines: string[] = [];
  const code = await main(["build", "--out", makeTempDir("greenbook-ws-out-"), "--browser-ws", "ws://127.0.0.1:9/devtools/browser/none", "--quiet"], { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) });
  expect(code).toBe(1);
  expect(lines.join("\n")).toContain("Cannot connect to the browser at ws://127.0.0.1:9/devtools/browser/none");
}, 60_000);
