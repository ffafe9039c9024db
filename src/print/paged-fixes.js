/* Corrections to Paged.js 0.4 for the printed book (print only; the screen edition has no scripts).
   1. With footnote-policy: line, Paged.js takes the top of the call's line from the start of the text
      node before the call, usually the whole paragraph, so a note that did not fit pushed its whole
      paragraph to the next page. Splitting off the last character makes that node one line long.
   2. A word split across pages gets U+2011, which our fonts lack (Chromium drew it from a system
      font); the plain hyphen is in every face we embed.
   3. Chromium reports the first letter after a soft-hyphen line break on the line before, so a page
      break Paged.js finds by measuring letters lands one letter late ("Mainl-" / "anders"): move
      it back to the soft hyphen.
   4. A break Paged.js forces (a footnote call moved to the page of its note) can leave the last line
      of a paragraph alone at the top of the next page: take the line before it along, or the whole
      paragraph when that would leave one line behind.
   5. No word is split across a page turn: a page that would end on a hyphen ends a line earlier
      (or, when that would leave one line of the paragraph behind, before the paragraph).
   6. Before layout, at most MAX_HYPHEN_RUN hyphenated lines in a row: the paragraphs are set once at
      the page's measure and the word that would make a longer run is left whole. (Chromium has no
      hyphenate-limit-lines.) Line breaks do not depend on the page a line lands on, so the runs
      found here are the runs printed. Nor is a paragraph's last-but-one line hyphenated.
   7. After layout, the text layer gets no soft hyphens: a soft hyphen where a line breaks becomes
      the hyphen printed there, the others are removed; a PDF search then finds every word.
   8. Paragraphs that follow a paragraph are marked (see markContinuingParagraphs).
   9. A heading keeps at least MIN_LINES_AFTER_HEADING lines of text under it on its page. CSS
      break-after: avoid only holds a heading to the start of the next block: a one-line paragraph
      satisfied it and the heading ended its page with one line under it. Otherwise the page ends
      before the heading, which goes over with its text (unless it opens the page: then nothing
      better exists).
   10. The exhibits after the text are set in the order the printer chose (setExhibitOrder). */
(() => {
  if (!window.Paged) return;
  const SHY = "\u00ad";
  const MAX_HYPHEN_RUN = 2;
  // The proofreader's heading-keep setting (edition.yaml proof.rules.heading-keep.minLinesAfter), set by pagedScripts().
  const MIN_LINES_AFTER_HEADING = Number.isInteger(window.__greenbookMinLinesAfterHeading) ? window.__greenbookMinLinesAfterHeading : 2;

  function charBox(node, i) {
    const r = document.createRange();
    r.setStart(node, i);
    r.setEnd(node, i + 1);
    return r.getBoundingClientRect();
  }

  /** True when the line breaks at the soft hyphen node.data[i]. Chromium reports the letter after
      such a break on the line before, so the one after it is compared. */
  function breaksAt(node, i) {
    // Other soft hyphens are not letters: skip them ("rec·om·mend·a·tions").
    const next = (k) => {
      k++;
      while (k < node.length && node.data[k] === SHY) k++;
      return k;
    };
    let before = i - 1;
    while (before >= 0 && node.data[before] === SHY) before--;
    const after = next(next(i));
    if (before < 0 || after >= node.length) return false;
    return charBox(node, after).top - charBox(node, before).top > 3;
  }

  /** Where the line holding node.data[i] starts, within the node (0 when it starts before it). */
  function lineStart(node, i) {
    while (i > 0 && charBox(node, i).width === 0) i--;
    const top = charBox(node, i).top;
    while (i > 0) {
      const b = charBox(node, i - 1);
      if (b.width > 0 && Math.abs(b.top - top) >= 10) break;
      i--;
    }
    // The letter after a soft-hyphen break is reported on the line before (see breaksAt).
    if (i >= 2 && node.data[i - 2] === SHY) i--;
    return i;
  }

  function textNodes(root) {
    const out = [];
    const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (t.data.includes(SHY)) out.push(t);
    return out;
  }

  /** The soft hyphens of `block` where its lines break, in order, with their line's top. */
  function hyphenatedLines(block) {
    const out = [];
    for (const t of textNodes(block)) {
      if (t.parentElement.closest(".footnote")) continue;
      for (let i = t.data.indexOf(SHY); i >= 0; i = t.data.indexOf(SHY, i + 1)) {
        if (breaksAt(t, i)) out.push({ node: t, i, top: charBox(t, i - 1).top });
      }
    }
    return out;
  }

  /** The top of the last line of `block`'s own text (footnotes left out). */
  function lastLineTop(block) {
    const nodes = [];
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) if (!t.parentElement.closest(".footnote") && t.data.trim()) nodes.push(t);
    const t = nodes[nodes.length - 1];
    if (!t) return -Infinity;
    let i = t.length - 1;
    while (i > 0 && charBox(t, i).width === 0) i--;
    return charBox(t, i).top;
  }

  /** Removes the soft hyphens of the word around node.data[i]. */
  function keepWordWhole(node, i) {
    let a = i;
    let b = i;
    while (a > 0 && !/\s/.test(node.data[a - 1])) a--;
    while (b < node.length && !/\s/.test(node.data[b])) b++;
    node.replaceData(a, b - a, node.data.slice(a, b).replaceAll(SHY, ""));
  }

  /** Fix 6: leaves whole the words that would make a run of more than MAX_HYPHEN_RUN hyphenated lines. */
  function limitHyphenRuns(root) {
    const blocks = new Set(textNodes(root).map((t) => t.parentElement.closest("p, li, td, th, figcaption") || t.parentElement));
    if (!blocks.size) return;
    const width = getComputedStyle(document.documentElement).getPropertyValue("--page-content-width").trim();
    const body = document.body.style.width;
    if (width) document.body.style.width = width;
    // A footnote is set at the foot of the page; in the text it leaves only its call.
    const calls = document.createElement("style");
    const size = 0.65 * parseFloat(getComputedStyle(document.body).fontSize);
    calls.textContent = `.footnote{font-size:0!important;}.footnote *{display:none!important;}.footnote::before{content:"0";font-size:${size}px;vertical-align:super;line-height:0;font-family:var(--sans);}`;
    document.head.appendChild(calls);
    for (const block of blocks) {
      const pitch = 1.5 * parseFloat(getComputedStyle(block).lineHeight || "0");
      for (let guard = 0; guard < 50; guard++) {
        const lines = hyphenatedLines(block);
        let run = 0;
        let over;
        for (let k = 0; k < lines.length && !over; k++) {
          run = k > 0 && lines[k].top - lines[k - 1].top < pitch ? run + 1 : 1;
          if (run > MAX_HYPHEN_RUN) over = lines[k];
        }
        // Nor a hyphen on a paragraph's last-but-one line: it leaves a runt ("profession-/als.").
        const last = lines[lines.length - 1];
        if (!over && last && lastLineTop(block) - last.top < pitch && lastLineTop(block) > last.top) over = last;
        if (!over) break;
        keepWordWhole(over.node, over.i);
      }
    }
    calls.remove();
    document.body.style.width = body;
  }

  /** Fix 7: soft hyphens out of the text: the printed hyphen where a line breaks, nothing elsewhere. */
  function settleSoftHyphens(root) {
    const nodes = textNodes(root);
    const plans = nodes.map((t) => {
      let text = "";
      let from = 0;
      // A line holds more than the one or two letters between two soft hyphens: a "break" right
      // after another is the misreported letter of the first (see breaksAt).
      let lastBreak = -Infinity;
      for (let i = t.data.indexOf(SHY); i >= 0; i = t.data.indexOf(SHY, i + 1)) {
        const letters = t.data.slice(Math.max(0, lastBreak + 1), i).replaceAll(SHY, "").length;
        const breaks = (lastBreak < 0 || letters >= 3) && breaksAt(t, i);
        if (breaks) lastBreak = i;
        text += t.data.slice(from, i) + (breaks ? "-" : "");
        from = i + 1;
      }
      const block = t.parentElement.closest("p, li, td, th, figcaption") || t.parentElement;
      return { t, text: text + t.data.slice(from), block, height: block.getBoundingClientRect().height };
    });
    for (const p of plans) {
      const before = p.t.data;
      p.t.data = p.text;
      // The same lines, or the soft hyphens stay (a copy then carries them, but the page is right).
      if (Math.abs(p.block.getBoundingClientRect().height - p.height) > 0.5) p.t.data = before;
    }
  }

  /** Fix 5: a break inside a word (at a soft hyphen) moves to the start of that line; a paragraph
      that would keep one line on the page moves whole. Returns an offset or the block to move. */
  function keepWordsWhole(node, start) {
    let moved = start;
    while (moved >= 2 && node.data[moved - 1] === SHY) {
      const s = lineStart(node, moved - 2);
      if (s === 0) return start;
      moved = s;
    }
    if (moved === start) return start;
    const block = node.parentElement && node.parentElement.closest("p, li");
    if (!block) return moved;
    const before = document.createRange();
    before.setStartBefore(block.firstChild);
    before.setEnd(node, moved);
    if (linesOf(before) < 2) return block.previousElementSibling ? block : start;
    return moved;
  }

  /** Fix 8: Paged.js rewrites sibling selectors (p + p) into attributes it never sets, so the
      paragraphs that follow a paragraph or list get a class instead: .follows-text. */
  function markContinuingParagraphs(root) {
    for (const p of root.querySelectorAll("p")) {
      const prev = p.previousElementSibling;
      if (prev && /^(P|OL|UL)$/.test(prev.tagName)) p.classList.add("follows-text");
    }
  }

  /** Fix 10: the exhibits after the text in the order the printer chose for the make-up (src/print/place-exhibits.ts), if it chose one. */
  function setExhibitOrder(root) {
    const order = window.__greenbookExhibitOrder;
    const section = Array.isArray(order) && root.querySelector(".exhibits");
    if (!section) return;
    for (const id of order) {
      const exhibit = [...section.children].find((el) => el.id === id);
      if (exhibit) section.appendChild(exhibit);
    }
  }

  const config = window.PagedConfig;
  if (config) {
    const before = config.before;
    config.before = async () => {
      if (before) await before();
      // The content waits inert in Paged.js's template (src/print/paged-html.ts). Fix 6 measures
      // lines, so it is set once in the page for that, then put back for Paged.js to take.
      const template = document.querySelector("body > template[data-ref='pagedjs-content']");
      const root = template ? document.createElement("div") : document.body;
      if (template) {
        root.appendChild(template.content);
        document.body.appendChild(root);
      }
      setExhibitOrder(root);
      markContinuingParagraphs(root);
      limitHyphenRuns(root);
      if (template) {
        while (root.firstChild) template.content.appendChild(root.firstChild);
        root.remove();
      }
    };
  }

  /** Lines of text in `range`, leaving out a footnote still set inline and the sliver at a line end. */
  function linesOf(range) {
    const tops = [];
    const root = range.commonAncestorContainer;
    const walker = document.createTreeWalker(root.nodeType === Node.TEXT_NODE ? root.parentNode : root, NodeFilter.SHOW_TEXT);
    for (let t = walker.nextNode(); t; t = walker.nextNode()) {
      if (!range.intersectsNode(t) || t.parentElement.closest(".footnote")) continue;
      const part = document.createRange();
      part.selectNodeContents(t);
      if (t === range.startContainer) part.setStart(t, range.startOffset);
      if (t === range.endContainer) part.setEnd(t, range.endOffset);
      for (const r of part.getClientRects()) {
        if (r.width > 5 && !tops.some((top) => Math.abs(top - r.top) < 10)) tops.push(r.top);
      }
    }
    return tops.length;
  }

  function atSoftHyphen(node, start) {
    const head = node.data.slice(0, start);
    const word = /[^\s\u00ad]*$/.exec(head);
    return word && word[0] !== "" && word.index > 0 && head[word.index - 1] === "\u00ad" ? word.index : start;
  }

  function keepWidows(node, start) {
    const block = node.parentElement && node.parentElement.closest("p, li");
    if (!block) return start;
    const after = document.createRange();
    after.setStart(node, start);
    after.setEndAfter(block.lastChild);
    const before = document.createRange();
    before.setStartBefore(block.firstChild);
    before.setEnd(node, start);
    if (linesOf(after) !== 1) return start;
    // Two lines or fewer before it: take the whole paragraph, unless it opens the page.
    if (linesOf(before) < 3) return block.previousElementSibling ? block : start;
    const box = (i) => {
      const r = document.createRange();
      r.setStart(node, i);
      r.setEnd(node, i + 1);
      return r.getBoundingClientRect();
    };
    let i = start - 1;
    while (i > 0 && box(i).width === 0) i--;
    const line = box(i).top;
    while (i > 0 && !(box(i - 1).width > 0 && Math.abs(box(i - 1).top - line) >= 10)) i--;
    return i;
  }

  /** Fixes 3–5: where a break inside a paragraph's text should fall instead, or null where it stands. */
  function breakInText(overflow) {
    const node = overflow.startContainer;
    if (node.nodeType !== Node.TEXT_NODE || overflow.startOffset === 0) return null;
    let kept = keepWidows(node, atSoftHyphen(node, overflow.startOffset));
    if (typeof kept === "number") kept = keepWordsWhole(node, kept);
    const moved = overflow.cloneRange();
    if (typeof kept !== "number") moved.setStartBefore(kept);
    else if (atSoftHyphen(node, kept) !== overflow.startOffset) moved.setStart(node, atSoftHyphen(node, kept));
    else return null;
    return moved;
  }

  /** Fix 9: the break moved before the last heading above it when fewer than MIN_LINES_AFTER_HEADING lines separate them; else null. */
  function keepHeadingWithText(range) {
    const at = range.startContainer.nodeType === Node.TEXT_NODE ? range.startContainer.parentElement : range.startContainer;
    const area = at && at.closest(".pagedjs_page_content");
    if (!area) return null;
    const above = [...area.querySelectorAll("h1, h2, h3, h4, h5, h6")].filter((h) => range.comparePoint(h, 0) < 0 && !h.contains(range.startContainer));
    const heading = above[above.length - 1];
    if (!heading) return null;
    const under = document.createRange();
    under.setStartAfter(heading);
    under.setEnd(range.startContainer, range.startOffset);
    if (linesOf(under) >= MIN_LINES_AFTER_HEADING) return null;
    const before = document.createRange();
    before.setStart(area, 0);
    before.setEndBefore(heading);
    if (linesOf(before) === 0) return null;
    const moved = range.cloneRange();
    moved.setStartBefore(heading);
    return moved;
  }

  Paged.registerHandlers(class extends Paged.Handler {
    constructor(chunker, polisher, caller) {
      super(chunker, polisher, caller);
      chunker.settings.hyphenGlyph = "-";
    }
    afterParsed(parsed) {
      for (const note of parsed.querySelectorAll(".footnote")) {
        const before = note.previousSibling;
        if (before && before.nodeType === Node.TEXT_NODE && before.length > 1) before.splitText(before.length - 1);
      }
    }
    onOverflow(overflow) {
      if (!overflow || !overflow.startContainer) return;
      const broken = breakInText(overflow) || overflow;
      const kept = keepHeadingWithText(broken);
      if (kept) return kept;
      return broken === overflow ? undefined : broken;
    }
    afterRendered() {
      settleSoftHyphens(document.querySelector(".pagedjs_pages") || document.body);
    }
  });
})();
