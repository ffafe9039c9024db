import { readFileSync } from "node:fs";
import type { HTTPRequest, Page } from "puppeteer-core";

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
 * Turns on request interception for `page`: requests for the asset origin are served from
 * `assets`; data: URLs pass; anything else is aborted and listed in the returned failures,
 * together with page errors and failed requests, which the caller turns into a build error.
 */
export async function serveAssets(page: Page, assets: AssetMap): Promise<PageFailures> {
  const failures: PageFailures = { blocked: [], errors: [] };
  await page.setRequestInterception(true);
  page.on("request", (req: HTTPRequest) => {
    const url = req.url();
    if (url.startsWith("data:") || url === "about:blank") {
      void req.continue();
      return;
    }
    if (url.startsWith(`${ASSET_ORIGIN}/`)) {
      const pathname = decodeURIComponent(new URL(url).pathname);
      const asset = assets.get(pathname);
      if (asset) {
        const body = asset.body ?? (asset.file ? readFileSync(asset.file) : "");
        void req.respond({ status: 200, contentType: asset.type, body: typeof body === "string" ? body : Buffer.from(body), headers: { "Access-Control-Allow-Origin": "*" } });
        return;
      }
      failures.errors.push(`missing asset ${pathname}`);
      void req.respond({ status: 404, contentType: "text/plain", body: "not found" });
      return;
    }
    failures.blocked.push(url);
    void req.abort("blockedbyclient");
  });
  page.on("pageerror", (err) => failures.errors.push(`page error: ${(err as Error).message ?? String(err)}`));
  page.on("requestfailed", (req) => {
    if (req.url().startsWith(`${ASSET_ORIGIN}/`)) failures.errors.push(`request failed: ${req.url()} (${req.failure()?.errorText ?? "unknown"})`);
  });
  return failures;
}
