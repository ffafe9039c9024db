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
      paragraph when that would leave one line behind. */
(() => {
  if (!window.Paged) return;

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
      const node = overflow && overflow.startContainer;
      if (!node || node.nodeType !== Node.TEXT_NODE || overflow.startOffset === 0) return;
      const kept = keepWidows(node, atSoftHyphen(node, overflow.startOffset));
      const moved = overflow.cloneRange();
      if (typeof kept !== "number") moved.setStartBefore(kept);
      else if (atSoftHyphen(node, kept) !== overflow.startOffset) moved.setStart(node, atSoftHyphen(node, kept));
      else return;
      return moved;
    }
  });
})();
