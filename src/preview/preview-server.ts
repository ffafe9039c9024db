/**
 * The preview server: serves the output folder on 127.0.0.1 only, the screen editions as built
 * and each chapter's paged print view (the print HTML, paginated by Paged.js in the reader's
 * browser), and reloads open pages after every rebuild (server-sent events). Nothing outside the
 * output folder is ever served: a path that resolves outside it, as written or through symbolic
 * links, is refused. It answers only to loopback Host names (no DNS rebinding), and bounds its
 * connections so that idle clients cannot exhaust file descriptors.
 */
import { createReadStream, existsSync, readdirSync, readFileSync, realpathSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import type { AddressInfo } from "node:net";
import { ASSET_ORIGIN } from "../browser/asset-server.ts";
import { PAGED_FIXES, type PrintJob } from "../print/print-pdf.ts";
import { GreenbookError } from "../errors.ts";
import { messages } from "../messages.ts";
import { escapeHtml } from "../render/escape.ts";
import { isLocalHost } from "./local-host.ts";

/** The preview could not start (its port is taken, say). */
export class PreviewError extends GreenbookError {
  override name = "PreviewError";
}

/** Open connections the server accepts at once, and of those, live-reload streams: a bound on file descriptors. */
export const MAX_CONNECTIONS = 128;
export const MAX_RELOAD_STREAMS = 32;

const TYPES: Record<string, string> = {
  ".html": "text/html; charset=utf-8",
  ".pdf": "application/pdf",
  ".png": "image/png",
  ".svg": "image/svg+xml",
  ".json": "application/json",
  ".css": "text/css",
  ".js": "text/javascript",
  ".woff2": "font/woff2",
};

const RELOAD = `<script>(function(){var s=new EventSource("/__events");s.onmessage=function(){location.reload()};})();</script>`;

export interface PreviewServer {
  url: string;
  /** Tells every open page to reload. */
  reload(): void;
  close(): Promise<void>;
}

export interface PreviewOptions {
  outDir: string;
  /** Port on 127.0.0.1; 0 picks a free one. */
  port: number;
  /** The chapters' current print jobs, by document ("en/chapter"). */
  printJobs: () => ReadonlyMap<string, PrintJob>;
  /** Where Paged.js's browser build is. */
  pagedScript: string;
  /** HTML rendered by a build still printing, by path in the output folder: served before the files on disk. */
  fresh?: () => ReadonlyMap<string, Uint8Array>;
}

function withReload(html: string): string {
  return html.includes("</body>") ? html.replace("</body>", `${RELOAD}</body>`) : html + RELOAD;
}

/** Resolves a URL path inside `root`, or undefined when it would leave it. */
export function resolveInside(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes("\0") || decoded.split(/[\\/]/).includes("..")) return undefined;
  const full = path.resolve(root, `.${decoded}`);
  return full === root || full.startsWith(root + path.sep) ? full : undefined;
}

/** A listen failure as a message for the user: the port taken or not allowed. */
function listenError(err: NodeJS.ErrnoException, port: number): Error {
  if (err.code === "EADDRINUSE") return new PreviewError(messages.portInUse(port), { cause: err });
  if (err.code === "EACCES") return new PreviewError(messages.portNotAllowed(port), { cause: err });
  return new PreviewError(messages.cannotListen(port, err.message), { cause: err });
}

export async function startPreview(options: PreviewOptions): Promise<PreviewServer> {
  const root = path.resolve(options.outDir);
  const clients = new Set<http.ServerResponse>();

  let port = options.port;
  const server = http.createServer((req, res) => {
    const send = (status: number, type: string, body: string | Buffer) => {
      res.writeHead(status, { "Content-Type": type, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
      res.end(req.method === "HEAD" ? undefined : body);
    };
    // DNS rebinding: a page on another site that resolves its own name to 127.0.0.1 sends its own Host.
    if (!isLocalHost(req.headers.host, port)) return send(421, "text/plain", "misdirected request: this preview answers only to localhost, 127.0.0.1 and [::1]\n");
    if (req.method !== "GET" && req.method !== "HEAD") return send(405, "text/plain", "method not allowed\n");
    // Judge the path as sent: URL parsing would quietly drop "../" segments.
    const raw = (req.url ?? "/").split("?")[0]!;
    if (!raw.startsWith("/") || resolveInside(root, raw) === undefined) return send(403, "text/plain", "forbidden: outside the output folder\n");
    const p = new URL(raw, "http://127.0.0.1").pathname;

    if (p === "/__events") {
      if (clients.size >= MAX_RELOAD_STREAMS) return send(503, "text/plain", "too many live-reload connections\n");
      res.writeHead(200, { "Content-Type": "text/event-stream", "Cache-Control": "no-store", Connection: "keep-alive" });
      res.write(": connected\n\n");
      clients.add(res);
      req.on("close", () => clients.delete(res));
      return;
    }
    if (p === "/") {
      const jobs = [...options.printJobs().keys()].sort();
      const langs = readdirSync(root, { withFileTypes: true }).filter((d) => d.isDirectory() && !d.name.startsWith(".") && d.name !== "archive").map((d) => d.name).sort();
      const docs = langs.flatMap((lang) => ["chapter", "handout"].map((d) => `${lang}/${d}`)).filter((d) => existsSync(path.join(root, `${d}.html`)));
      const links = [
        ...docs.map((d) => `<li><a href="/${escapeHtml(d)}.html">${escapeHtml(d)}</a> · <a href="/${escapeHtml(d)}.pdf">PDF</a></li>`),
        ...jobs.map((d) => `<li><a href="/print/${escapeHtml(d)}">${escapeHtml(d)}: paged print view</a></li>`),
      ];
      return send(200, TYPES[".html"]!, withReload(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>greenbook preview</title></head><body><main><h1>greenbook preview</h1><ul>${links.join("")}</ul></main></body></html>`));
    }
    if (p.startsWith("/print/")) {
      const job = options.printJobs().get(decodeURIComponent(p.slice("/print/".length)));
      if (!job) return send(404, "text/plain", "no such document (build it first)\n");
      return send(200, TYPES[".html"]!, withReload(job.html.split(ASSET_ORIGIN).join("/__print-assets")));
    }
    if (p.startsWith("/__print-assets/")) {
      const asset = p.slice("/__print-assets".length);
      if (asset === "/vendor/paged.polyfill.js") return send(200, TYPES[".js"]!, readFileSync(options.pagedScript));
      if (asset === "/vendor/paged-fixes.js") return send(200, TYPES[".js"]!, readFileSync(PAGED_FIXES));
      for (const job of options.printJobs().values()) {
        const a = job.assets.get(asset);
        if (a) return send(200, a.type, a.body !== undefined ? Buffer.from(a.body) : readFileSync(a.file!));
      }
      return send(404, "text/plain", "not found\n");
    }

    const file = resolveInside(root, p)!;
    const fresh = options.fresh?.().get(path.relative(root, file).split(path.sep).join("/"));
    if (fresh) return send(200, TYPES[".html"]!, withReload(Buffer.from(fresh).toString("utf8")));
    if (path.basename(file).startsWith(".") || file.split(path.sep).some((part) => part.startsWith(".") && part.length > 1)) return send(404, "text/plain", "not found\n");
    if (!existsSync(file)) return send(404, "text/plain", "not found\n");
    // A symbolic link inside the output folder may point anywhere: serve only what resolves inside it.
    let real: string;
    let realRoot: string;
    try {
      real = realpathSync(file);
      realRoot = realpathSync(root);
    } catch {
      return send(404, "text/plain", "not found\n");
    }
    if (!real.startsWith(realRoot + path.sep)) return send(403, "text/plain", "forbidden: outside the output folder\n");
    if (!statSync(real).isFile()) return send(404, "text/plain", "not found\n");
    const type = TYPES[path.extname(file).toLowerCase()] ?? "application/octet-stream";
    if (type.startsWith("text/html")) return send(200, type, withReload(readFileSync(real, "utf8")));
    res.writeHead(200, { "Content-Type": type, "Cache-Control": "no-store", "X-Content-Type-Options": "nosniff" });
    if (req.method === "HEAD") return res.end();
    createReadStream(real).on("error", () => res.destroy()).pipe(res);
  });

  server.maxConnections = MAX_CONNECTIONS;
  await new Promise<void>((resolve, reject) => {
    server.once("error", (err: NodeJS.ErrnoException) => reject(listenError(err, options.port)));
    server.listen(options.port, "127.0.0.1", () => resolve());
  });
  // Once listening, a failed accept (EMFILE when descriptors run out) drops that connection, not the preview.
  server.on("error", () => undefined);
  port = (server.address() as AddressInfo).port;

  return {
    url: `http://127.0.0.1:${port}/`,
    reload: () => {
      for (const c of clients) c.write("data: reload\n\n");
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const c of clients) c.end();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
