/** The preview server: 127.0.0.1 only, serves the output folder and nothing outside it, live reload. */
import { mkdirSync, writeFileSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import { afterAll, beforeAll, expect, it } from "vitest";
import { startPreview, type PreviewServer } from "../../src/preview/preview-server.ts";
import { makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";

let server: PreviewServer;
let root: string;

beforeAll(async () => {
  const base = makeTempDir("greenbook-preview-");
  root = path.join(base, "output");
  mkdirSync(path.join(root, "en"), { recursive: true });
  writeFileSync(path.join(root, "en", "chapter.html"), "<!doctype html><html><body><p>chapter</p></body></html>");
  writeFileSync(path.join(base, "secret.txt"), "TOP SECRET CONTENT");
  server = await startPreview({ outDir: root, port: 0, printJobs: () => new Map(), pagedScript: "/nonexistent" });
});

afterAll(async () => {
  await server?.close();
  removeDataCopies();
});

/** A raw GET, so paths like /../ reach the server unnormalised. */
function get(rawPath: string): Promise<{ status: number; body: string }> {
  const { port } = new URL(server.url);
  return new Promise((resolve, reject) => {
    const req = http.request({ host: "127.0.0.1", port, path: rawPath, method: "GET" }, (res) => {
      let body = "";
      res.on("data", (c) => (body += c));
      res.on("end", () => resolve({ status: res.statusCode ?? 0, body }));
    });
    req.on("error", reject);
    req.end();
  });
}

it("listens on 127.0.0.1 only", () => {
  expect(new URL(server.url).hostname).toBe("127.0.0.1");
});

it("serves the editions with a live-reload hook", async () => {
  const r = await get("/en/chapter.html");
  expect(r.status).toBe(200);
  expect(r.body).toContain("<p>chapter</p>");
  expect(r.body).toContain('new EventSource("/__events")');
});

it.each(["/../secret.txt", "/en/../../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E%2Fsecret.txt", "/..%5csecret.txt"])("refuses %s", async (p) => {
  const r = await get(p);
  expect(r.status).toBe(403);
  expect(r.body).not.toContain("TOP SECRET CONTENT");
});

it("answers 404 for what is not there", async () => {
  expect((await get("/en/missing.html")).status).toBe(404);
});
