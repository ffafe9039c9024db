/* The proofreader's eyes, run in the printing tab after layout (src/proof/measure-layout.ts): every
   page's lines (from the rectangle of each character, Range.getClientRects), how full the page is,
   what a heading has under it, which paragraphs, boxes and table rows Paged.js split, and which
   characters each font stack must draw. Only geometry and text: the rules and their thresholds
   are applied in Node (src/proof/proofread-layout.ts). The result is a PageLayout.
   `options.keepWhole`: selectors of boxes that must not split. */
(options) => {
  const HAN = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Bopomofo}\u3000-\u303f\uff00-\uff60]/u;
  const WORD = /[\p{L}\p{N}]/u;
  // U+2011: the hyphen Paged.js sets where it splits a word at a page break itself.
  const HYPHEN = /[-\u2010\u2011\u00ad]/;
  const INVISIBLE = /[\p{Cc}\p{Cf}\s]/u;
  for (const selector of options.keepWhole) {
    try {
      document.querySelector(selector);
    } catch {
      throw new Error(`proof.rules.split-box.selectors: "${selector}" is not a CSS selector`);
    }
  }
  const pageBoxes = [...document.querySelectorAll(".pagedjs_page")];
  const paginated = pageBoxes.length > 0;
  const pages = paginated
    ? pageBoxes.map((p) => ({ box: p, body: p.querySelector(".pagedjs_page_content"), notes: p.querySelector(".pagedjs_footnote_area") }))
    : [{ box: document.body, body: document.body, notes: null }];
  const round = (n) => Math.round(n * 10) / 10;
  const excerpt = (s, n = 60) => {
    const t = s.replace(/\u00ad/g, "").replace(/\s+/g, " ").trim();
    return t.length > n ? `${t.slice(0, n - 1)}…` : t;
  };

  const styles = new Map();
  const styleOf = (el) => {
    let s = styles.get(el);
    if (!s) {
      s = getComputedStyle(el);
      styles.set(el, s);
    }
    return s;
  };
  /** The element whose lines a text node is set in: its nearest ancestor that is not inline. */
  const blockOf = (el) => {
    for (let e = el; e; e = e.parentElement) {
      const d = styleOf(e).display;
      if (d !== "inline" && d !== "contents") return e;
    }
    return document.body;
  };
  const canvas = document.createElement("canvas").getContext("2d");
  const spaces = new Map();
  /** The width of a space in the element's font, unjustified. */
  const naturalSpace = (el) => {
    let w = spaces.get(el);
    if (w === undefined) {
      const s = styleOf(el);
      canvas.font = `${s.fontStyle} ${s.fontWeight} ${s.fontSize} ${s.fontFamily}`;
      w = canvas.measureText(" ").width + (parseFloat(s.wordSpacing) || 0);
      spaces.set(el, w);
    }
    return w;
  };

  const shown = new Map();
  const visible = (el) => {
    let v = shown.get(el);
    if (v === undefined) {
      const r = el.getBoundingClientRect();
      v = r.width > 2 && r.height > 2;
      shown.set(el, v);
    }
    return v;
  };
  /** Every character of the text nodes under `root` (not in SVG), with its box, grouped by block. */
  function charsByBlock(root) {
    const blocks = new Map();
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement;
      if (!parent || parent.closest("svg")) continue;
      const block = blockOf(parent);
      // Text hidden for screen readers only (a 1 px clipped box) is no line on the page.
      if (!visible(block)) continue;
      let list = blocks.get(block);
      if (!list) blocks.set(block, (list = []));
      const text = node.data;
      for (let i = 0; i < text.length; ) {
        const cp = text.codePointAt(i);
        const len = cp > 0xffff ? 2 : 1;
        range.setStart(node, i);
        range.setEnd(node, i + len);
        let box = null;
        for (const r of range.getClientRects()) {
          if (r.width > 0.01) {
            box = r;
            break;
          }
        }
        list.push({ ch: text.slice(i, i + len), box, node, parent });
        i += len;
      }
    }
    return blocks;
  }

  /** The text that continues a block Paged.js split (on a later page), or null. */
  function continuationOf(block) {
    if (!block.hasAttribute("data-split-to")) return null;
    const ref = block.getAttribute("data-ref");
    const later = [...document.querySelectorAll(`[data-ref="${CSS.escape(ref || "")}"]`)].find((e) => block.compareDocumentPosition(e) & Node.DOCUMENT_POSITION_FOLLOWING);
    return later ? later.textContent : null;
  }

  const blockIds = new Map();
  /** The block's characters cut into lines: a character left of the one before it, and lower, starts a line. */
  function linesOf(block, chars, area) {
    const lines = [];
    let line = null;
    let prev = null;
    for (const c of chars) {
      if (c.box) {
        if (!line || (prev && c.box.left < prev.box.right - 1 && c.box.top > prev.box.top + 1)) {
          line = { block, area, chars: [], visible: [] };
          lines.push(line);
        }
        line.visible.push(c);
        prev = c;
      }
      if (line) line.chars.push(c);
    }
    lines.forEach((l, i) => {
      const next = lines[i + 1];
      const v = l.visible;
      l.top = Math.min(...v.map((c) => c.box.top));
      l.bottom = Math.max(...v.map((c) => c.box.bottom));
      l.left = Math.min(...v.map((c) => c.box.left));
      l.right = Math.max(...v.map((c) => c.box.right));
      l.text = l.chars.map((c) => c.ch).join("");
      l.han = HAN.test(l.text) && /^(zh|ja)/i.test((l.block.closest("[lang]") || document.documentElement).lang || "");
      l.hyphen = null;
      // The next line: in this block, or for the last line of a paragraph Paged.js split, the start of its continuation.
      const nextText = next ? next.chars.map((c) => c.ch).join("") : i === lines.length - 1 ? continuationOf(block) : null;
      if (nextText) {
        const last = v[v.length - 1];
        const first = [...nextText.replace(/^[\u00ad\u200b]+/, "")][0] || " ";
        const between = l.chars.slice(l.chars.indexOf(last) + 1).map((c) => c.ch).join("");
        const broken = !/\s/.test(between) && !HAN.test(last.ch) && !HAN.test(first) && WORD.test(first) && (WORD.test(last.ch) || HYPHEN.test(last.ch));
        // A URL broken at one of its own hyphens is no hyphenation.
        const token = /\S*$/.exec(l.text.replace(/[\s\u00ad]+$/, ""))[0];
        if (broken && !/[/:@]|\.\w/.test(token)) {
          const head = /[\p{L}\p{N}\u00ad\-\u2010\u2011]*$/u.exec(l.text.replace(/\s+$/, ""))[0].replace(/\u2011$/, "");
          const tail = /^[\p{L}\p{N}\u00ad\-\u2010]*/u.exec(nextText)[0];
          // Where the word was cut: at its last soft hyphen on this line (Chromium may report the next letter here too).
          const word = head + tail;
          const at = head.lastIndexOf("\u00ad") >= 0 ? head.lastIndexOf("\u00ad") : head.length;
          l.hyphen = `${word.slice(0, at).replace(/\u00ad/g, "")}-${word.slice(at).replace(/\u00ad/g, "")}`.replace(/--/, "-");
        }
      }
      // Word spacing: each inner space's width against a space of its font; letter spacing: the gap between two letters of a word (or two Han characters), in em.
      const ratios = [];
      let gap = 0;
      v.forEach((c, k) => {
        if (k === v.length - 1) return;
        const d = v[k + 1];
        if (c.ch === " ") {
          const natural = naturalSpace(c.parent);
          if (natural > 0) ratios.push(c.box.width / natural);
        } else if (c.node === d.node && !INVISIBLE.test(c.ch) && !INVISIBLE.test(d.ch) && HAN.test(c.ch) === HAN.test(d.ch) && (HAN.test(c.ch) || (WORD.test(c.ch) && WORD.test(d.ch)))) {
          const s = styleOf(c.parent);
          const em = parseFloat(s.fontSize) || 16;
          const tracking = parseFloat(s.letterSpacing) || 0;
          gap = Math.max(gap, (d.box.left - c.box.right - tracking) / em);
        }
      });
      ratios.sort((a, b) => a - b);
      l.wordSpace = ratios.length ? round(ratios[Math.floor(ratios.length / 2)] * 100) / 100 : null;
      l.letterSpace = round(gap * 100) / 100;
    });
    return lines;
  }

  function pageLines(page) {
    const out = [];
    for (const [area, root] of [["body", page.body], ["notes", page.notes]]) {
      if (!root) continue;
      for (const [block, chars] of charsByBlock(root)) out.push(...linesOf(block, chars, area));
    }
    return out;
  }

  /**
   * The bottom of what is set on the page's text area: its lines and every box in the flow (a
   * paginated page's content sits in one wrapper as tall as the area, which is left out).
   */
  function contentBottom(body, lines) {
    let bottom = body.getBoundingClientRect().top;
    for (const l of lines) if (l.area === "body") bottom = Math.max(bottom, l.bottom);
    const flow = paginated && body.children.length === 1 ? body.firstElementChild : body;
    for (const el of flow.querySelectorAll("*")) {
      if (el.parentElement.closest("svg") || !visible(el)) continue;
      const s = styleOf(el);
      if (s.position === "absolute" || s.position === "fixed") continue;
      bottom = Math.max(bottom, el.getBoundingClientRect().bottom);
    }
    return bottom;
  }

  const FORCED = new Set(["page", "left", "right", "recto", "verso"]);
  /** How much room the first item of a page needs, from the top of its text area; forced when it must start a page. */
  function firstItem(page, lines) {
    const body = page.body.getBoundingClientRect();
    const first = lines.filter((l) => l.area === "body").sort((a, b) => a.top - b.top)[0];
    const graphic = [...page.body.querySelectorAll("svg, img, table, figure")].map((el) => ({ el, r: el.getBoundingClientRect() })).filter((g) => g.r.height > 0 && !g.el.parentElement.closest("svg")).sort((a, b) => a.r.top - b.r.top)[0];
    const start = first && (!graphic || first.top <= graphic.r.top) ? first.block : graphic && graphic.el;
    if (!start) return null;
    let forced = false;
    let unit = null;
    for (let e = start; e && e !== page.body; e = e.parentElement) {
      const s = styleOf(e);
      if (FORCED.has(s.breakBefore) || FORCED.has(e.getAttribute("data-break-before") || "")) forced = true;
      if (s.breakInside.startsWith("avoid") || ["tr", "figure"].includes(e.tagName.toLowerCase())) unit = e;
    }
    let bottom;
    if (unit) bottom = unit.getBoundingClientRect().bottom;
    else {
      const ordered = lines.filter((l) => l.area === "body").sort((a, b) => a.top - b.top);
      // A heading needs two lines under it; a paragraph its first two lines.
      const heading = /^h[1-6]$/i.test(start.tagName);
      const own = ordered.filter((l) => l.block === start);
      const after = heading ? ordered.filter((l) => l.top >= start.getBoundingClientRect().bottom - 1 && l.block !== start).slice(0, 2) : own.slice(0, 2);
      bottom = Math.max(start.getBoundingClientRect().top, ...(heading ? [...own, ...after] : after).map((l) => l.bottom));
    }
    // At the top of a page its top margin is dropped (and a margin from a sibling selector is
    // lost with the sibling); under other content it would take room: allow a body line at least.
    const margin = Math.max(parseFloat(styleOf(unit || start).marginTop) || 0, parseFloat(styleOf(document.body).lineHeight) || 0);
    return { need: round(bottom - body.top + margin), forced, text: excerpt(start.textContent || start.tagName.toLowerCase()) };
  }

  /** A page that ends where the document says a page must end (break-after on one of its boxes). */
  const endsForced = (body) => [...body.querySelectorAll("*")].some((e) => FORCED.has(styleOf(e).breakAfter) || FORCED.has(e.getAttribute("data-break-after") || ""));

  const measured = pages.map((page, i) => {
    const lines = pageLines(page);
    const body = page.body.getBoundingClientRect();
    const bottom = contentBottom(page.body, lines);
    const bodyLines = lines.filter((l) => l.area === "body");
    const headings = [...page.body.querySelectorAll("h1, h2, h3, h4, h5, h6")]
      .filter((h) => h.getBoundingClientRect().height > 0)
      .map((h) => {
        const below = h.getBoundingClientRect().bottom - 1;
        return { text: excerpt(h.textContent || ""), linesAfter: bodyLines.filter((l) => l.top >= below && !l.block.closest("h1, h2, h3, h4, h5, h6")).length };
      });
    const blocks = new Map();
    for (const l of bodyLines) blocks.set(l.block, (blocks.get(l.block) || 0) + 1);
    const splits = paginated
      ? [...blocks].filter(([b]) => b.hasAttribute("data-split-to") || b.hasAttribute("data-split-from")).map(([b, n]) => ({ text: excerpt(b.textContent || ""), lines: n, continues: b.hasAttribute("data-split-to"), continued: b.hasAttribute("data-split-from") }))
      : [];
    const boxes = paginated
      ? [...page.body.querySelectorAll("[data-split-to]")].flatMap((el) => {
          const selector = options.keepWhole.find((s) => el.matches(s));
          return selector ? [{ selector, text: excerpt(el.textContent || "") }] : [];
        })
      : [];
    const rows = paginated ? [...page.body.querySelectorAll("tr[data-split-to]")].map((tr) => ({ text: excerpt(tr.textContent || "") })) : [];
    // What each font stack must draw on this page, SVG text included.
    const glyphs = new Map();
    for (const root of [page.body, page.notes]) {
      if (!root) continue;
      const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.getClientRects().length === 0) continue;
        const family = styleOf(parent).fontFamily;
        let entry = glyphs.get(family);
        if (!entry) glyphs.set(family, (entry = { chars: new Set(), samples: new Map() }));
        for (const ch of node.data) {
          if (INVISIBLE.test(ch) || entry.chars.has(ch)) continue;
          entry.chars.add(ch);
          entry.samples.set(ch, excerpt(node.data, 40));
        }
      }
    }
    return {
      index: i + 1,
      fill: { used: round(bottom - body.top), available: round(body.height) },
      first: null,
      lines: lines.map((l) => ({ block: blockIds.get(l.block) ?? blockIds.set(l.block, blockIds.size + 1).get(l.block), area: l.area, text: excerpt(l.text, 80), han: l.han, hyphen: l.hyphen, wordSpace: l.wordSpace, letterSpace: l.letterSpace, top: round(l.top - body.top), justified: styleOf(l.block).textAlign === "justify" })),
      headings,
      splits,
      boxes,
      rows,
      glyphs: [...glyphs].map(([family, e]) => ({ family, chars: [...e.chars].join(""), samples: Object.fromEntries(e.samples) })),
      _lines: lines,
    };
  });
  for (let i = 0; i < measured.length; i++) {
    const first = firstItem(pages[i], measured[i]._lines);
    if (first && i > 0 && endsForced(pages[i - 1].body)) first.forced = true;
    measured[i].first = first;
  }
  for (const m of measured) delete m._lines;
  return { paginated, pages: measured };
};
