/**
 * Which characters a document draws in which face, read from Chromium's computed styles: every
 * text node (prose, tables, chart SVG text) with its element's font stack, weight and style
 * (text-transform applied), and the generated text of ::before, ::after and ::marker (quoted
 * strings, counters and list markers). The document is opened with scripts off and every request
 * refused: this pass only reads styles, it lays nothing out for a reader.
 *
 * The browser reports styles and text apart (readFaceStyles); faceTexts joins them in Node.
 */
import type { Page } from "puppeteer-core";
import { assetServer, type AssetServer } from "../browser/asset-server.ts";
import { withTab } from "../browser/tab-pool.ts";
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
  const styles = [];
  const index = new Map();
  const styleOf = (style) => {
    const key = [style.fontFamily, style.fontWeight, style.fontStyle, style.textTransform, style.fontVariantCaps || "normal"].join("|");
    let i = index.get(key);
    if (i === undefined) index.set(key, (i = styles.push(key) - 1));
    return i;
  };
  const nodes = [];
  const generatedText = [];
  const add = (style, text) => {
    if (text) generatedText.push([styleOf(style), text]);
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
      const text = node.data.replace(/[\\s\\u00ad]/g, "");
      if (!text) continue;
      nodes.push([!el || el.closest("head, style, script, title") ? -1 : styleOf(getComputedStyle(el)), text]);
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
  return { styles, nodes, generated: generatedText };
})()`;

/** Splits a computed font-family value into family names. */
function splitFamilies(value: string): string[] {
  return value.split(",").map((f) => f.trim().replace(/^["']|["']$/g, "")).filter(Boolean);
}

/**
 * What the browser read of a document: each computed style text is drawn in, the style of every
 * text node that draws something, and the generated text. Kept apart from the characters so a
 * later document with the same markup can reuse the styles with its own text (embed-subset-fonts.ts).
 */
export interface FaceStyles {
  /** Distinct computed styles: "font-family|font-weight|font-style|text-transform|font-variant-caps". */
  styles: string[];
  /** Each text node that draws something, in document order: its style's index (-1: not shown, as in <head>) and its text, whitespace and soft hyphens removed. */
  nodes: [number, string][];
  /** The text of ::before, ::after and ::marker, each with its style's index. */
  generated: [number, string][];
}

/** How `html` styles its text, read in a styles tab of `session` (scripts off, every request refused; src/browser/tab-pool.ts). */
export async function readFaceStyles(session: BrowserSession, html: string, name: string): Promise<FaceStyles> {
  return withTab(session, "styles", setUpStylesTab, async (page, server) => {
    const failures = server.serve(new Map());
    await page.setContent(html, { waitUntil: "domcontentloaded" });
    const read = (await page.evaluate(WALK)) as FaceStyles;
    if (failures.errors.length) throw new FontError(`${name}: reading which characters each font draws failed: ${failures.errors.join("; ")}`);
    return read;
  });
}

async function setUpStylesTab(page: Page): Promise<AssetServer> {
  await page.setJavaScriptEnabled(false);
  return assetServer(page);
}

/** The characters drawn per face request (text-transform and small caps applied), in a stable order. */
export function faceTexts(read: FaceStyles): FaceText[] {
  const sets = new Map<string, Set<string>>();
  const add = (styleIndex: number, text: string) => {
    const style = read.styles[styleIndex];
    if (style === undefined || !text) return;
    const [families, weight, fontStyle, transform, caps] = style.split("|");
    if (transform === "uppercase") text = text.toUpperCase();
    else if (transform === "lowercase") text = text.toLowerCase();
    else if (transform === "capitalize") text = text + text.toUpperCase();
    if (caps && caps !== "normal") text = text + text.toUpperCase();
    const key = `${families}|${weight}|${fontStyle}`;
    let set = sets.get(key);
    if (!set) sets.set(key, (set = new Set()));
    for (const c of text) set.add(c);
  };
  for (const [i, text] of read.nodes) add(i, text);
  for (const [i, text] of read.generated) add(i, text);
  return [...sets]
    .map(([key, set]) => {
      const [families, weight, style] = key.split("|");
      return {
        families: splitFamilies(families!),
        weight: Number(weight) || 400,
        style: (style === "normal" ? "normal" : "italic") as FaceText["style"],
        text: [...set].sort((a, b) => a.codePointAt(0)! - b.codePointAt(0)!).join(""),
      };
    })
    .sort((a, b) => `${a.families}|${a.weight}|${a.style}`.localeCompare(`${b.families}|${b.weight}|${b.style}`));
}
