/**
 * Regression tests for the preview failures of the attack report: F12 (Host header, DNS
 * rebinding), F13 (port in use), F20 (symlinks out of the output folder), F21 (unbounded connections).
 */
import { spawn } from "node:child_process";
import { mkdirSync, readdirSync, symlinkSync, writeFileSync } from "node:fs";
import http from "node:http";
import net from "node:net";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_CONNECTIONS, MAX_RELOAD_STREAMS, PreviewError, startPreview, type PreviewServer } from "../../src/preview/preview-server.ts";
import { makeTempDir, removeDataCopies, REPO_ROOT } from "../helpers/data-copy.ts";

let server: PreviewServer;
let root: string;
let port: number;

beforeAll(async () => {
  const base = makeTempDir("greenbook-preview-");
  root = path.join(base, "output");
  mkdirSync(path.join(root, "en"), { recursive: true });
  writeFileSync(path.join(root, "en", "chapter.html"), "<!doctype html><html><body><p>chapter</p></body></html>");
  writeFileSync(path.join(root, "en", "notes.txt"), "inside the output folder");
  writeFileSync(path.join(base, "secret.txt"), "TOP SECRET CONTENT");
  symlinkSync("/etc/passwd", path.join(root, "passwd-link"));
  symlinkSync("/etc", path.join(root, "etc-link"));
  symlinkSync(path.join(base, "secret.txt"), path.join(root, "en", "secret-link.txt"));
  symlinkSync("notes.txt", path.join(root, "en", "notes-link.txt"));
  server = await startPreview({ outDir: root, port: 0, printJobs: () => new Map(), pagedScript: "/nonexistent" });
  port = Number(new URL(server.url).port);
});

afterAll(async () => {
  await server?.close();
  removeDataCopies();
});

/** A GET with a chosen Host header. */
function get(rawPath: string, host = `127.0.0.1:${port}`): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: rawPath, method: "GET", headers: { Host: host }, agent: false }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

describe("F12 the preview answers only to loopback names", () => {
  it.each(["rebind.attacker.example", "attacker.example:PORT", "127.0.0.2:PORT", "localhost:1", "localhost.attacker.example:PORT", "127.0.0.1.nip.io:PORT"])("refuses Host %j with 421", async (host) => {
    const r = await get("/en/chapter.html", host.replace("PORT", String(port)));
    expect(r.status).toBe(421);
    expect(r.body).not.toContain("<p>chapter</p>");
  });

  it.each(["127.0.0.1:PORT", "localhost:PORT", "LOCALHOST:PORT", "[::1]:PORT"])("serves Host %j", async (host) => {
    const r = await get("/en/chapter.html", host.replace("PORT", String(port)));
    expect(r.status).toBe(200);
    expect(r.body).toContain("<p>chapter</p>");
  });

  it("refuses a request without a Host header (HTTP/1.0)", async () => {
    const reply = await new Promise<string>((resolve, reject) => {
      const socket = net.connect(port, "127.0.0.1", () => socket.write("GET /en/chapter.html HTTP/1.0\r\n\r\n"));
      let data = "";
      socket.on("data", (d) => (data += d));
      socket.on("end", () => resolve(data));
      socket.on("error", reject);
    });
    expect(reply).toMatch(/^HTTP\/1\.1 421 /);
  });
});

describe("F20 symlinks out of the output folder are refused", () => {
  it.each(["/passwd-link", "/etc-link/hostname", "/en/secret-link.txt"])("%s: 403, no content", async (p) => {
    const r = await get(p);
    expect(r.status).toBe(403);
    expect(r.body).not.toMatch(/root:|TOP SECRET/);
  });

  it("a symlink to a file inside the output folder is served", async () => {
    const r = await get("/en/notes-link.txt");
    expect(r).toEqual({ status: 200, body: "inside the output folder" });
  });
});

describe("F21 connections are bounded", () => {
  it(`accepts ${MAX_RELOAD_STREAMS} live-reload streams, answers 503 to the next, and keeps serving`, async () => {
    const streams: http.ClientRequest[] = [];
    try {
      for (let i = 0; i < MAX_RELOAD_STREAMS; i++) {
        await new Promise<void>((resolve, reject) => {
          const req = http.get({ host: "127.0.0.1", port, path: "/__events", agent: false }, (res) => {
            expect(res.statusCode).toBe(200);
            res.once("data", () => resolve());
          });
          req.on("error", reject);
          streams.push(req);
        });
      }
      expect((await get("/__events")).status).toBe(503);
      expect((await get("/en/chapter.html")).status).toBe(200);
    } finally {
      for (const s of streams) s.destroy();
    }
  });

  it(`drops connections beyond ${MAX_CONNECTIONS} and serves again once they close`, async () => {
    const sockets: net.Socket[] = [];
    try {
      for (let i = 0; i < MAX_CONNECTIONS; i++) {
        sockets.push(await new Promise<net.Socket>((resolve, reject) => {
          const s = net.connect(port, "127.0.0.1", () => resolve(s));
          s.on("error", reject);
        }));
      }
      await new Promise((r) => setTimeout(r, 100));
      await expect(get("/en/chapter.html")).rejects.toThrow(/ECONNRESET|socket hang up/);
    } finally {
      for (const s of sockets) s.destroy();
    }
    await new Promise((r) => setTimeout(r, 100));
    expect((await get("/en/chapter.html")).status).toBe(200);
  });
});

describe("F13 a port already in use", () => {
  it("startPreview fails with a PreviewError saying so", async () => {
    await expect(startPreview({ outDir: root, port, printJobs: () => new Map(), pagedScript: "/nonexistent" })).rejects.toThrow(
      new PreviewError(`port ${port} on 127.0.0.1 is already in use (another preview?); stop it, or choose another port with --port N (--port 0 picks a free one)`),
    );
  });

  it("`greenbook preview` on it exits 1 with that message, no stack trace, and builds nothing", async () => {
    const out = makeTempDir("greenbook-preview-out-");
    const r = await new Promise<{ status: number | null; stdout: string; stderr: string; ms: number }>((resolve, reject) => {
      const t = performance.now();
      const child = spawn(process.execPath, ["bin/greenbook.js", "preview", "--port", String(port), "--out", out], { cwd: REPO_ROOT, env: { ...process.env, NO_COLOR: "1" } });
      let stdout = "";
      let stderr = "";
      const timer = setTimeout(() => child.kill("SIGKILL"), 30_000);
      child.stdout.setEncoding("utf8").on("data", (d: string) => (stdout += d));
      child.stderr.setEncoding("utf8").on("data", (d: string) => (stderr += d));
      child.on("error", reject);
      child.on("close", (status) => {
        clearTimeout(timer);
        resolve({ status, stdout, stderr, ms: performance.now() - t });
      });
    });
    expect(r.stderr).toBe(`greenbook preview: port ${port} on 127.0.0.1 is already in use (another preview?); stop it, or choose another port with --port N (--port 0 picks a free one)\n`);
    expect(r.status).toBe(1);
    expect(r.stdout).toBe("");
    expect(r.ms).toBeLessThan(20_000);
    expect(readdirSync(out)).toEqual([]);
  }, 40_000);
});
