/**
 * Hostile content in the data: labels that look like HTML, Handlebars, Markdown links or paths must
 * reach the reader as the text they are, in HTML and PDF, and nothing in them may make a page load
 * or run anything: not while printing, and not when a reader opens the HTML in a browser (here
 * Chromium with the network left on, so an image pointing at the test's listener would hit it).
 * One whole build (both languages, chapter and handout) serves every assertion.
 */
import { execFileSync } from "node:child_process";
import { mkdirSync, readFileSync, symlinkSync } from "node:fs";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { launchBrowser } from "../../src/browser/launch-browser.ts";
import { text } from "../../src/data/cells.ts";
import { copyData, makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";
import { visibleText } from "../helpers/render-text.ts";

/** Runs the CLI in-process and captures what it prints. */
async function run(argv: string[]): Promise<{ code: number; stdout: string[]; stderr: string[] }> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main(argv, { stdout: (l) => stdout.push(l), stderr: (l) => stderr.push(...l.split("\n")) });
  return { code, stdout, stderr };
}

/** A cell for labels.csv: quoted, quotes doubled. */
const csvCell = (s: string) => `"${s.replace(/"/g, '""')}"`;

/** A label of exactly `n` characters, mixed scripts, within the 200-character limit of labels.csv. */
function longLabel(n: number): string {
  const s = "A very long region name, 非常長的地區名稱, repeated until it fills the cell: ".repeat(10);
  return s.slice(0, n - 3) + "END";
}

const LANGS = ["en", "zh-HK"] as const;
const DOCS = ["chapter", "handout"] as const;

let server: Server;
let hits: string[] = [];
let port = 0;
let out = "";
let data = "";
let hostile: Record<string, string> = {};
let build: { code: number; stdout: string[]; stderr: string[] };

/** What a browser did with an output HTML file, and what its DOM holds. */
interface Opened {
  requests: string[];
  dialogs: string[];
  /** Text of every script element. */
  scripts: string[];
  /** Every `on…` attribute, as `tag on…=value`. */
  handlers: string[];
  /** Every src, href and xlink:href that is not a data: URI or an in-page anchor. */
  links: string[];
  /** Elements no template writes, which could only come from data. */
  strangers: string[];
}
const opened = new Map<string, Opened>();

/** Reads the DOM of a page as a browser built it (a string, so that no transpiled helper reaches the page). */
const READ_DOM = `(() => {
  const all = Array.from(document.querySelectorAll("*"));
  const attrs = (el) => Array.from(el.attributes);
  return {
    scripts: Array.from(document.querySelectorAll("script")).map((s) => s.textContent || ""),
    handlers: all.flatMap((el) => attrs(el).filter((a) => /^on/i.test(a.name)).map((a) => el.tagName + " " + a.name + "=" + a.value)),
    links: all.flatMap((el) => attrs(el).filter((a) => /^(src|href|xlink:href|srcset|action|formaction|poster|data)$/i.test(a.name)).map((a) => a.value)).filter((v) => !/^(data:|#)/.test(v.trim())),
    strangers: Array.from(document.querySelectorAll("b, img:not([src^='data:']), iframe, object, embed, form, input, button, meta[http-equiv], base")).map((el) => el.outerHTML.slice(0, 200)),
  };
})()`;

beforeAll(async () => {
  // A listener that only counts what reaches it: a page fetching a URL from the data would hit it.
  server = createServer((req, res) => {
    hits.push(`${req.method ?? "?"} ${req.url ?? "?"}`);
    res.writeHead(204).end();
  });
  server.maxConnections = 16;
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  port = (server.address() as AddressInfo).port;
  hits = [];

  // Region labels show in Table 2, the prose (largest sources and destinations) and the opening artwork.
  hostile = {
    "region:us": "<script>alert(1)</script>",
    "region:mainland": `<img src="http://127.0.0.1:${port}/x">`,
    "region:uk": "{{s.flows.joined}}",
    "region:singapore": "{{#each}}",
    "region:australia": "[link](javascript:alert(1))",
    "region:canada": "../../etc/passwd",
    "region:india": longLabel(190),
    // Characters HTML escaping turns into numeric entities; the reader must see the characters.
    "region:france": `Côte d'Ivoire & "Friends" = \`100%\``,
    // Parent-country labels are drawn into Figure 4 (Vega-Lite), whose wording fills {placeholders}.
    "parent:japan": `<b onmouseover="alert(3)">{title}</b>`,
    "parent:us": "</text><script>alert(4)</script>",
  };
  data = copyData({
    "labels.csv": (t) =>
      t
        .split("\n")
        .map((line) => {
          const key = line.split(",")[0]!;
          return key in hostile ? `${key},${csvCell(hostile[key]!)},${csvCell(hostile[key]!)}` : line;
        })
        .join("\n"),
    // A 190-character label makes tables a press would send back (split, under-filled pages): this
    // test is about what the labels can do to a reader's browser, so the proofreader only reports.
    "edition.yaml": (t) => t.replace("proof:\n  failOnErrors: true\n", "proof:\n  failOnErrors: false\n"),
  });
  out = makeTempDir("greenbook-hostile-out-");
  build = await run(["build", "--data", data, "--out", out, "--quiet"]);
  if (build.code !== 0) return;

  // Open each HTML file as a reader would: scripts on, network on, every request and dialog recorded.
  const session = await launchBrowser();
  try {
    for (const lang of LANGS) {
      for (const doc of DOCS) {
        const page = await session.browser.newPage();
        const requests: string[] = [];
        const dialogs: string[] = [];
        page.on("request", (req) => {
          if (!/^(data:|about:blank)/.test(req.url())) requests.push(req.url());
        });
        page.on("dialog", (d) => {
          dialogs.push(d.message());
          void d.dismiss();
        });
        await page.goto(pathToFileURL(path.join(out, lang, `${doc}.html`)).href, { waitUntil: "networkidle0", timeout: 60_000 });
        const dom = (await page.evaluate(READ_DOM)) as Omit<Opened, "requests" | "dialogs">;
        opened.set(`${lang} ${doc}`, { ...dom, requests: requests.filter((u) => !u.startsWith("file:")), dialogs });
        await page.close();
      }
    }
  } finally {
    await session.close();
  }
}, 300_000);

afterAll(async () => {
  await new Promise<void>((resolve) => server?.close(() => resolve()));
  removeDataCopies();
});

const html = (lang: string, doc: string) => readFileSync(path.join(out, lang, `${doc}.html`), "utf8");
const pdfText = (lang: string, doc: string) => execFileSync("pdftotext", ["-enc", "UTF-8", path.join(out, lang, `${doc}.pdf`), "-"], { encoding: "utf8" });
/** Text with hyphenation and line breaks undone, for finding a string that may wrap. */
const flat = (s: string) => s.replace(/\u00ad/g, "").replace(/-\n/g, "-").replace(/\s+/g, "");

describe("hostile labels", () => {
  it("the long label fits the 200-character limit that labels.csv enforces", () => {
    expect(hostile["region:india"]).toHaveLength(190);
    expect(text(200).safeParse(hostile["region:india"]).success).toBe(true);
  });

  it("the build succeeds", () => {
    expect(build.stderr).toEqual([]);
    expect(build.code).toBe(0);
  });

  it.each(LANGS.flatMap((l) => DOCS.map((d) => `${l} ${d}`)))("%s.html opened in Chromium: no request, no dialog, no script, handler, link or element made from a label", (key) => {
    const o = opened.get(key)!;
    expect(o.requests).toEqual([]);
    expect(o.dialogs).toEqual([]);
    // Scripts the page has of its own may exist; none carries a label's code.
    for (const script of o.scripts) expect(script).not.toMatch(/alert\(/);
    expect(o.handlers).toEqual([]);
    expect(o.links.filter((l) => /javascript:|127\.0\.0\.1|etc\/passwd/i.test(l))).toEqual([]);
    expect(o.strangers).toEqual([]);
  });

  it("no page fetched anything from the listener, when printed or when opened", () => {
    expect(opened.size).toBe(LANGS.length * DOCS.length);
    expect(hits).toEqual([]);
  });

  it.each(LANGS)("%s chapter.html shows every label as escaped text", (lang) => {
    const h = html(lang, "chapter");
    expect(h).toContain("&lt;script&gt;alert(1)&lt;/script&gt;");
    expect(h).toMatch(/&lt;img src(=|&#61;|&#x3D;)&quot;http:\/\/127\.0\.0\.1:\d+\/x&quot;&gt;/);
    const seen = visibleText(h).replace(/\u00ad/g, "");
    for (const label of Object.values(hostile)) expect(seen).toContain(label);
    // Handlebars text stays as written: not evaluated (no 31,835 in its place), not an error.
    expect(seen).toContain("{{s.flows.joined}}");
    expect(seen).toContain("{{#each}}");
    // The path is text; nothing was read from it.
    expect(h).not.toMatch(/root:x?:0:0/);
  });

  it.each(LANGS)("%s chapter.pdf shows the labels literally", (lang) => {
    const t = flat(pdfText(lang, "chapter"));
    for (const label of Object.values(hostile)) expect(t).toContain(flat(label));
    expect(t).not.toMatch(/root:x?:0:0/);
  });

  it.each(LANGS)("%s handout: the labels it shows are literal text too", (lang) => {
    const seen = visibleText(html(lang, "handout")).replace(/\u00ad/g, "");
    const pdf = flat(pdfText(lang, "handout"));
    for (const label of Object.values(hostile)) {
      if (seen.includes(label)) expect(pdf).toContain(flat(label));
    }
    expect(seen).not.toMatch(/root:x?:0:0/);
  });
});

describe("hostile paths in edition.yaml", () => {
  it("an illustration at ../../etc/passwd is refused, saying it is outside the data folder", async () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("  file: null", "  file: ../../etc/passwd") });
    const r = await run(["check", "--data", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([
      "greenbook check: 1 problem in the data:",
      `${dir}/edition.yaml:37: column "illustration.file": the illustration file "../../etc/passwd" is outside the data folder; put the image in the data folder and give its path from there`,
    ]);
  });

  it("an illustration that is a symbolic link out of the data folder is refused too", async () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("  file: null", "  file: opening.png") });
    symlinkSync("/etc/passwd", path.join(dir, "opening.png"));
    const r = await run(["check", "--data", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual([
      "greenbook check: 1 problem in the data:",
      `${dir}/edition.yaml:37: column "illustration.file": the illustration file "opening.png" is outside the data folder; put the image in the data folder and give its path from there`,
    ]);
  });

  it("an illustration that is a folder is refused, not a crash", async () => {
    const dir = copyData({ "edition.yaml": (t) => t.replace("  file: null", "  file: art.png") });
    mkdirSync(path.join(dir, "art.png"));
    const r = await run(["check", "--data", dir]);
    expect(r.code).toBe(1);
    expect(r.stderr).toEqual(["greenbook check: 1 problem in the data:", `${dir}/edition.yaml:37: column "illustration.file": the illustration "art.png" is not a file`]);
  });
});
