import { readFileSync, statSync } from "node:fs";
import type { Page } from "puppeteer-core";

/**
 * The only origin a greenbook page may load from. Every request to it is answered from memory or
 * from a file we chose; every other request is aborted and recorded, so nothing leaves the machine.
 */
export const ASSET_ORIGIN = "https://greenbook.invalid";

export interface Asset {
  /** MIME type of the response. */
  type: string;
  /** Body, or a file to read it from on first request. */
  body?: string | Uint8Array;
  file?: string;
}

/** Assets by URL path (e.g. `/fonts/noto-serif-hk-0-400-normal.woff2`). */
export type AssetMap = Map<string, Asset>;

/** What a page tried to load that was not one of its assets, and what failed inside it. */
export interface PageFailures {
  blocked: string[];
  errors: string[];
}

/**
 * Files as the base64 DevTools sends them in, encoded once per process with Node's native
 * encoder (puppeteer's respond() encodes every response in JavaScript, ~20× slower) and reused
 * by every page that loads them; keyed by size and mtime, so a file that changes is read again.
 */
const encodedFiles = new Map<string, { stamp: string; base64: string }>();

function encodedFile(file: string): string {
  const st = statSync(file);
  const stamp = `${st.size}:${st.mtimeMs}`;
  const hit = encodedFiles.get(file);
  if (hit?.stamp === stamp) return hit.base64;
  const base64 = readFileSync(file).toString("base64");
  encodedFiles.set(file, { stamp, base64 });
  return base64;
}

function encodedBody(asset: Asset): string {
  if (asset.body !== undefined) return Buffer.from(asset.body).toString("base64");
  return asset.file ? encodedFile(asset.file) : "";
}

/** A page's request handler, installed once: `serve` gives it the assets of the next document loaded in it. */
export interface AssetServer {
  /** From now on answers with `assets`; returns the failures recorded from now on (those of earlier documents are let go). */
  serve(assets: AssetMap): PageFailures;
}

/**
 * Intercepts every request of `page` (DevTools' Fetch domain, on its own session): requests for
 * the asset origin are answered from `assets`; anything else is aborted and listed in the returned
 * failures, together with page errors and failed requests, which the caller turns into a build
 * error. data: URLs never reach the network, so they are not intercepted.
 */
export async function serveAssets(page: Page, assets: AssetMap): Promise<PageFailures> {
  return (await assetServer(page)).serve(assets);
}

/**
 * serveAssets for a page that loads one document after another (a reused tab, src/browser/tab-pool.ts):
 * the handler is installed once and each document is served its own assets and failures.
 */
export async function assetServer(page: Page): Promise<AssetServer> {
  let assets: AssetMap = new Map();
  let failures: PageFailures = { blocked: [], errors: [] };
  const cdp = await page.createCDPSession();
  const fail = (what: string) => (err: unknown) => {
    // A page closed while a request was paused: nothing left to answer.
    if (!page.isClosed()) failures.errors.push(`${what}: ${(err as Error).message ?? String(err)}`);
  };
  cdp.on("Fetch.requestPaused", (event) => {
    const { requestId, request } = event;
    const url = request.url;
    if (url === "about:blank" || url.startsWith("data:")) {
      cdp.send("Fetch.continueRequest", { requestId }).catch(fail(url));
      return;
    }
    if (url.startsWith(`${ASSET_ORIGIN}/`)) {
      const pathname = decodeURIComponent(new URL(url).pathname);
      const asset = assets.get(pathname);
      if (!asset) failures.errors.push(`missing asset ${pathname}`);
      let body: string;
      try {
        body = asset ? encodedBody(asset) : Buffer.from("not found").toString("base64");
      } catch (err) {
        failures.errors.push(`asset ${pathname}: ${(err as Error).message}`);
        cdp.send("Fetch.failRequest", { requestId, errorReason: "Failed" }).catch(fail(url));
        return;
      }
      cdp
        .send("Fetch.fulfillRequest", {
          requestId,
          responseCode: asset ? 200 : 404,
          responseHeaders: [
            { name: "content-type", value: asset ? asset.type : "text/plain" },
            { name: "access-control-allow-origin", value: "*" },
            // A reused tab loads another document at the same URL (/index.html): never from a cache.
            // Fonts and scripts may be: Paged.js declares the fonts a second time, and the second
            // load must come from memory (no-store on fonts doubled a chapter's layout time).
            ...(asset?.type.startsWith("text/html") ? [{ name: "cache-control", value: "no-store" }] : []),
          ],
          body,
        })
        .catch(fail(url));
      return;
    }
    failures.blocked.push(url);
    cdp.send("Fetch.failRequest", { requestId, errorReason: "BlockedByClient" }).catch(fail(url));
  });
  await cdp.send("Fetch.enable", { patterns: [{ urlPattern: "*", requestStage: "Request" }] });
  page.on("pageerror", (err) => failures.errors.push(`page error: ${(err as Error).message ?? String(err)}`));
  page.on("requestfailed", (req) => {
    if (req.url().startsWith(`${ASSET_ORIGIN}/`)) failures.errors.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? "unknown"})`);
  });
  return {
    serve(next) {
      assets = next;
      failures = { blocked: [], errors: [] };
      return failures;
    },
  };
}
