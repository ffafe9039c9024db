/**
 * Which characters a document draws in which face, read from Chromium's computed styles: every
 * text node (prose, tables, chart SVG text) with its element's font stack, weight and style
 * (text-transform applied), and the generated text of ::before, ::after and ::marker (quoted
 * strings, counters and list markers). The document is opened with scripts off and every request
 * refused: this pass only reads styles, it lays nothing out for a reader.
 */
import { serveAssets } from "../browser/asset-server.ts";
import type { BrowserSession } from "../browser/launch-browser.ts";
import { FontError } from "../errors.ts";

/** Text drawn with one font stack, weight and style. */
export interface FaceText {
  /** The font-family list as computed, unquoted, in order. */
  families: string[];
  weight: number;
  style: "normal" | "italic";
  /** The distinct characters, in code point order. */
  text: string;
}

/**
 * The page-side walk (a string: tsx would rewrite a function with helpers the page does not
 * have). Counters may print any digit and list markers their symbols, so those are added whole.
 */
const WALK = `(() => {
  const sets = new Map();
  const add = (style, text) => {
    if (!text) return;
    const t = style.textTransform;
    if (t === "uppercase") text = text.toUpperCase();
    else if (t === "lowercase") text = text.toLowerCase();
    else if (t === "capitalize") text = text + text.toUpperCase();
    if (style.fontVariantCaps && style.fontVariantCaps !== "normal") text = text + text.toUpperCase();
    const key = style.fontFamily + "|" + style.fontWeight + "|" + style.fontStyle;
    let set = sets.get(key);
    if (!set) sets.set(key, (set = new Set()));
    for (const c of text) set.add(c);
  };
  const DIGITS = "0123456789";
  const MARKERS = { disc: "•", circle: "◦", square: "▪", "disclosure-open": "▾", "disclosure-closed": "▸",
    "cjk-decimal": "〇一二三四五六七八九、", "cjk-ideographic": "〇一二三四五六七八九十百千萬、", "simp-chinese-informal": "〇一二三四五六七八九十百千万、",
    "trad-chinese-informal": "〇一二三四五六七八九十百千萬、", "lower-alpha": "abcdefghijklmnopqrstuvwxyz.", "upper-alpha": "ABCDEFGHIJKLMNOPQRSTUVWXYZ.",
    "lower-latin": "abcdefghijklmnopqrstuvwxyz.", "upper-latin": "ABCDEFGHIJKLMNOPQRSTUVWXYZ.", "lower-roman": "ivxlcdm.", "upper-roman": "IVXLCDM.", decimal: DIGITS + ".", "decimal-leading-zero": DIGITS + "." };
  const generated = (el, content) => {
    if (!content || content === "none" || content === "normal") return "";
    let out = "";
    const strings = content.match(/"(?:[^"\\\\]|\\\\.)*"/g) || [];
    for (const s of strings) out += JSON.parse(s);
    if (/counters?\\(/.test(content)) {
      out += DIGITS + "-.";
      for (const m of content.matchAll(/counters?\\([^,)]+(?:,\\s*"[^"]*")?(?:,\\s*([a-z-]+))?\\)/g)) out += MARKERS[m[1]] || "";
    }
    for (const m of content.matchAll(/attr\\(([^)\\s]+)\\)/g)) out += el.getAttribute(m[1]) || "";
    return out;
  };
  const walker = document.createTreeWalker(document.documentElement, NodeFilter.SHOW_ELEMENT | NodeFilter.SHOW_TEXT);
  for (let node = walker.currentNode; node; node = walker.nextNode()) {
    if (node.nodeType === Node.TEXT_NODE) {
      const el = node.parentElement;
      if (!el || el.closest("head, style, script, title")) continue;
      add(getComputedStyle(el), node.data.replace(/[\\s\\u00ad]/g, ""));
      continue;
    }
    for (const pseudo of ["::before", "::after"]) {
      const style = getComputedStyle(node, pseudo);
      add(style, generated(node, style.content));
    }
    if (getComputedStyle(node).display === "list-item") {
      const style = getComputedStyle(node, "::marker");
      const type = getComputedStyle(node).listStyleType;
      const content = style.content;
      add(style, content && content !== "normal" ? generated(node, content) : (MARKERS[type] || (type === "none" ? "" : DIGITS + ".")) + " ");
    }
  }
  return [...sets].map(([key, set]) => { const [families, weight, style] = key.split("|"); return { families, weight, style, text: [...set].join("") }; });
})()`;

/** Splits a computed font-family value into family names. */
function splitFamilies(value: string): string[] {
  return value.split(",").map((f) => f.trim().replace(/^["']|["']$/g, "")).filter(Boolean);
}

/** The characters `html` draws, grouped by face request; opened in a new tab of `session`. */
export async function collectFaceText(session: BrowserSession, html: string, name: string): Promise<FaceText[]> {
  const page = await session.browser.newPage();
  try {
    await page.setJavaScriptEnabled(false);
    const failures = await serveAssets(page, new Map());
    await page.setContent(html, { waitUntil: "domcontentloaded" });
    const raw = (await page.evaluate(WALK)) as { families: string; weight: string; style: string; text: string }[];
    if (failures.errors.length) throw new FontError(`${name}: reading which characters each font draws failed: ${failures.errors.join("; ")}`);
    return raw
      .map((r) => ({
        families: splitFamilies(r.families),
        weight: Number(r.weight) || 400,
        style: (r.style === "normal" ? "normal" : "italic") as FaceText["style"],
        text: [...new Set(r.text)].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join(""),
      }))
      .sort((a, b) => `${a.families}|${a.weight}|${a.style}`.localeCompare(`${b.families}|${b.weight}|${b.style}`));
  } finally {
    await page.close().catch(() => undefined);
  }
}
