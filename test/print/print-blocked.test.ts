/**
 * F1's layout-timeout trigger (attack.md T2): a style sheet that @imports a URL outside the
 * document. The request is blocked (the renderer never reaches the network), and Paged.js then
 * waited for the style sheet until the layout timeout, whose message did not say why. The print
 * now fails as soon as a request is blocked, naming the URL.
 */
import { afterAll, beforeAll, expect, it } from "vitest";
import { ASSET_ORIGIN } from "../../src/browser/asset-server.ts";
import { launchBrowser, type BrowserSession } from "../../src/browser/launch-browser.ts";
import { PrintError } from "../../src/errors.ts";
import { pagedScripts, printPdf } from "../../src/print/print-pdf.ts";

let session: BrowserSession;
beforeAll(async () => {
  session = await launchBrowser();
}, 120_000);
afterAll(async () => {
  await session?.close();
});

it("a style sheet importing an outside URL fails the print, naming the blocked request", async () => {
  const html = `<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="${ASSET_ORIGIN}/styles/base.css">${pagedScripts()}</head><body><p>Text.</p></body></html>`;
  const assets = new Map([["/styles/base.css", { type: "text/css", body: new TextEncoder().encode('@import url("http://127.0.0.1:9/x.css");\np { color: black; }\n') }]]);
  const print = printPdf(session, { name: "en/chapter", html, assets, paginate: true, timeoutMs: 90_000 });
  await expect(print).rejects.toThrow(PrintError);
  await expect(print).rejects.toThrow(/^en\/chapter: .*blocked request to http:\/\/127\.0\.0\.1:9\/x\.css \(documents may only load their own files\)/s);
}, 180_000);
