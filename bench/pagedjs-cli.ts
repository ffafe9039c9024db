/**
 * The peer: the same chapter printed by pagedjs-cli (the Paged.js project's own command line),
 * timed as one whole command, browser launch included.
 *
 * pagedjs-cli cannot use greenbook's request interception, so the print HTML is written to a
 * folder with its font files copied beside it and the asset URLs made relative; greenbook's own
 * Paged.js script tags are dropped, since pagedjs-cli injects its own copy of Paged.js.
 */
import { spawn } from "node:child_process";
import { copyFileSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { PDFDocument } from "pdf-lib";
import { ASSET_ORIGIN } from "../src/browser/asset-server.ts";
import { findBrowser } from "../src/browser/find-browser.ts";
import { CHROMIUM_FLAGS } from "../src/browser/launch-browser.ts";
import { pagedScripts, type PrintJob } from "../src/print/print-pdf.ts";

export interface PeerRun {
  ms: number;
  pages: number;
  bytes: number;
  command: string;
}

/** Writes `job` as a standalone folder: input.html plus the files its asset URLs name. */
export function writeStandalone(job: PrintJob, dir: string): string {
  mkdirSync(dir, { recursive: true });
  let html = job.html;
  // From the configuration script to the last of greenbook's Paged.js tags (pagedScripts: with or
  // without the heading-keep setting and the fixes).
  const start = html.search(/<script>(window\.__greenbookMinLinesAfterHeading=\d+;)?window\.PagedConfig=/);
  const plain = pagedScripts({ fixes: false });
  const polyfill = plain.slice(plain.lastIndexOf("<script src="));
  const fixes = pagedScripts().slice(plain.length);
  const at = start < 0 ? -1 : html.indexOf(polyfill, start);
  if (at < 0) throw new Error(`${job.name}: greenbook's Paged.js script tags were not found in the print HTML`);
  const end = html.startsWith(fixes, at + polyfill.length) ? at + polyfill.length + fixes.length : at + polyfill.length;
  html = html.slice(0, start) + html.slice(end);
  for (const [urlPath, asset] of job.assets) {
    const target = path.join(dir, ...urlPath.split("/").filter(Boolean));
    mkdirSync(path.dirname(target), { recursive: true });
    if (asset.file) copyFileSync(asset.file, target);
    else writeFileSync(target, asset.body ?? "");
  }
  html = html.split(`${ASSET_ORIGIN}/`).join("");
  if (html.includes(ASSET_ORIGIN)) throw new Error(`${job.name}: an asset URL was left unrewritten`);
  const input = path.join(dir, "input.html");
  writeFileSync(input, html);
  return input;
}

/**
 * Runs `npx pagedjs-cli input.html -o out.pdf` with the system Chromium (pagedjs-cli launches
 * puppeteer, which reads PUPPETEER_EXECUTABLE_PATH) and greenbook's Chromium flags, --no-sandbox
 * among them (we run as root). pagedjs-cli's --browserArgs is split at commas, so a flag whose
 * value lists several items (--disable-features=A,B) is added instead by a launcher script beside
 * `output` that runs Chromium with it last (the last --disable-features is the one Chromium reads,
 * as in greenbook's own launch, where puppeteer merges the lists).
 */
export async function runPagedjsCli(input: string, output: string, cwd: string, options: { timeoutMs?: number; onSpawn?: (pid: number) => void } = {}): Promise<PeerRun> {
  const timeoutMs = options.timeoutMs ?? 150_000;
  const plainFlags = CHROMIUM_FLAGS.filter((f) => !f.includes(","));
  const listFlags = CHROMIUM_FLAGS.filter((f) => f.includes(","));
  const launcher = path.join(path.dirname(output), "chromium-with-flags.sh");
  const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;
  writeFileSync(launcher, `#!/bin/sh\nexec ${quote(findBrowser())} "$@" ${listFlags.map(quote).join(" ")}\n`, { mode: 0o755 });
  const args = ["--no", "--", "pagedjs-cli", input, "-o", output, "--timeout", String(timeoutMs - 10_000), "--browserArgs", plainFlags.join(",")];
  const command = `npx ${args.map((a) => (/[\s,]/.test(a) ? `'${a}'` : a)).join(" ")}`;
  const t = performance.now();
  await new Promise<void>((resolve, reject) => {
    const child = spawn("npx", args, {
      cwd,
      env: { ...process.env, PUPPETEER_EXECUTABLE_PATH: launcher, TZ: "UTC", LANG: "C.UTF-8" },
      stdio: ["ignore", "pipe", "pipe"],
      detached: true,
    });
    // Its own process group: ends npx, node and the Chromium it started, and nothing else.
    let ended = false;
    const kill = () => {
      if (ended || !child.pid) return;
      try {
        process.kill(-child.pid, "SIGKILL");
      } catch {
        // the whole group is gone already
      }
    };
    process.once("exit", kill);
    if (child.pid) options.onSpawn?.(child.pid);
    let log = "";
    child.stdout.on("data", (d) => (log += d));
    child.stderr.on("data", (d) => (log += d));
    const timer = setTimeout(kill, timeoutMs);
    child.on("error", (err) => {
      clearTimeout(timer);
      ended = true;
      process.removeListener("exit", kill);
      reject(err);
    });
    child.on("exit", (code, signal) => {
      clearTimeout(timer);
      process.removeListener("exit", kill);
      kill(); // anything of the group still running (a Chromium its node left behind)
      ended = true;
      if (code === 0) resolve();
      else reject(new Error(`pagedjs-cli exited with ${signal ?? code}:\n${log.slice(-2000)}`));
    });
  });
  const ms = performance.now() - t;
  const pdf = readFileSync(output);
  const pages = (await PDFDocument.load(pdf, { updateMetadata: false })).getPageCount();
  return { ms, pages, bytes: pdf.length, command: command.replace(input, "input.html").replace(output, "out.pdf") };
}
