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
  chromium = spawn(findBrowser(), [...CHROMIUM_FLAGS, "--headless", "--remote-debugging-address=127.0.0.1", "--remote-debugging-port=0", `--user-data-dir=${profile}`, "about:blank"], { stdio: "ignore" });
  // Chromium writes the port and path it listens on to DevToolsActivePort.
  const file = path.join(profile, "DevToolsActivePort");
  for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
  const [port, wsPath] = readFileSync(file, "utf8").trim().split("\n");
  endpoint = `ws://127.0.0.1:${port}${wsPath}`;
}, 30_000);

afterAll(async () => {
  // Wait for Chromium to exit before removing its profile, which it writes until the end.
  if (chromium && chromium.exitCode === null) await new Promise((resolve) => chromium.once("exit", resolve).kill());
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
