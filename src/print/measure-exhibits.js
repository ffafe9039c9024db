/* Measures the exhibits that follow a paginated chapter's text, for their placement
   (src/print/place-exhibits.ts): where the text ends, each exhibit's size, and how full each page
   of the run is. Runs in the printing tab after Paged.js; lengths are CSS pixels. Returns null
   when the document has no exhibits section. */
() => {
  const pageBoxes = [...document.querySelectorAll(".pagedjs_page")];
  const areaOf = (i) => pageBoxes[i].querySelector(".pagedjs_page_content");
  const pageOf = (el) => pageBoxes.findIndex((p) => p.contains(el));
  const px = (v) => parseFloat(v) || 0;
  const exhibits = [...document.querySelectorAll(".pagedjs_page .exhibits > .exhibit")].filter((el) => !el.hasAttribute("data-split-from") && el.id);
  const bodies = [...document.querySelectorAll(".pagedjs_page main > .body, .pagedjs_page .body")];
  if (exhibits.length === 0 || bodies.length === 0) return null;
  const lastBody = bodies[bodies.length - 1];
  const startPage = pageOf(lastBody);
  const lastPage = Math.max(...exhibits.map(pageOf));
  /** The bottom of the content of `root` on its page (footnotes are set apart, positioned boxes float free). */
  const bottomOf = (root, top) => {
    let bottom = top;
    for (const el of [root, ...root.querySelectorAll("*")]) {
      if (el.closest(".footnote") || el.parentElement?.closest("svg")) continue;
      const s = getComputedStyle(el);
      if (s.display === "none" || s.position === "absolute" || s.position === "fixed") continue;
      const r = el.getBoundingClientRect();
      if (r.height > 0 && el !== root) bottom = Math.max(bottom, r.bottom);
    }
    return bottom;
  };
  /** The height the page's notes take from its text area. */
  const notesOn = (i) => {
    const notes = pageBoxes[i].querySelector(".pagedjs_footnote_area");
    return notes ? notes.getBoundingClientRect().height : 0;
  };
  const pages = [];
  for (let i = startPage; i <= lastPage; i++) {
    const area = areaOf(i).getBoundingClientRect();
    const content = areaOf(i).querySelector(".pagedjs_page_content > div") || areaOf(i);
    pages.push({ page: i + 1, used: bottomOf(content, area.top) - area.top, capacity: area.height - notesOn(i) });
  }
  const startArea = areaOf(startPage).getBoundingClientRect();
  return {
    start: { page: startPage + 1, used: bottomOf(lastBody, startArea.top) - startArea.top, capacity: startArea.height - notesOn(startPage), gap: px(getComputedStyle(exhibits[0].parentElement).marginTop) },
    capacity: Math.max(...pageBoxes.map((_, i) => areaOf(i).getBoundingClientRect().height)),
    pages,
    exhibits: exhibits.map((el) => {
      const s = getComputedStyle(el);
      const i = pageOf(el);
      // Notes called from inside the exhibit go where it goes.
      const calls = el.querySelectorAll("[data-footnote-call], .footnote-call, a[href^='#note-']").length;
      const notes = calls > 0 && i >= 0 ? notesOn(i) : 0;
      return { id: el.id, kind: el.classList.contains("exhibit-table") ? "table" : "figure", page: i + 1, height: el.getBoundingClientRect().height, marginTop: px(s.marginTop), marginBottom: px(s.marginBottom), notes };
    }),
  };
};
