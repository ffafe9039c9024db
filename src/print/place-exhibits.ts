/**
 * The make-up of the exhibits that follow a chapter's text. They are kept whole, so each starts a
 * new page when it does not fit under what is set before it; in their numbered order that can leave
 * half-empty pages (a tall figure after the text's last lines, a tall table after two short ones).
 * Figures and tables are numbered separately, so a press may set them in any interleaving that keeps
 * each series in its order: this module measures the first print (measure-exhibits.js), tries every
 * such interleaving that moves no exhibit more than MAX_SHIFT places on those measurements, and proposes one that takes fewer pages or leaves fewer
 * of them filled less than the proofreader's page-fill threshold (a smaller shortfall alone does
 * not justify leaving the numbered order). The printer prints again with it and keeps the better of the two prints, so a
 * wrong prediction costs time, never a worse page.
 */

export interface MeasuredExhibit {
  id: string;
  kind: "figure" | "table";
  /** 1-based PDF page it was printed on. */
  page: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  /** Height of the notes its footnote calls put at the foot of its page (0 without calls). */
  notes: number;
}

/** measure-exhibits.js's result: lengths in CSS px. */
export interface ExhibitRun {
  /** The page the text ends on: how far down the text reaches, the room it has, the exhibits section's top margin. */
  start: { page: number; used: number; capacity: number; gap: number };
  /** A full page's text area. */
  capacity: number;
  /** In printed order. */
  exhibits: MeasuredExhibit[];
  /** Every page from the text's last to the last exhibit's, as printed: how full, out of how much room. */
  pages?: { page: number; used: number; capacity: number }[];
}

/** How a run of pages is judged, most important first; lower is better. */
export interface Score {
  pages: number;
  /** Pages filled less than minFill. */
  underfull: number;
  /** Sum over those pages of (minFill − fill). */
  shortfall: number;
  /** How far the exhibits moved from their numbered order (sum of index differences): ties keep it. */
  moved: number;
}

/** Only a page saved or a half-empty page filled is worth leaving the numbered order for. */
export function worthMoving(moved: Score, numbered: Score): boolean {
  return moved.pages < numbered.pages || (moved.pages === numbered.pages && moved.underfull < numbered.underfull);
}

/** Compares two scores: negative when `a` is better. */
export function compareScores(a: Score, b: Score): number {
  return a.pages - b.pages || a.underfull - b.underfull || round(a.shortfall - b.shortfall) || a.moved - b.moved;
}

const round = (n: number) => (Math.abs(n) < 1e-3 ? 0 : n);

/** The score of pages as printed or predicted. */
export function scorePages(pages: readonly { used: number; capacity: number }[], minFill: number, moved = 0): Score {
  let underfull = 0;
  let shortfall = 0;
  for (const p of pages) {
    const fill = p.capacity > 0 ? p.used / p.capacity : 1;
    if (fill < minFill) {
      underfull++;
      shortfall += minFill - fill;
    }
  }
  return { pages: pages.length, underfull, shortfall, moved };
}

/** The pages `order` would fill, set one exhibit after another as the printer does: each on the current page if it fits, else at the top of the next. */
export function predictPages(run: ExhibitRun, order: readonly MeasuredExhibit[]): { used: number; capacity: number }[] {
  const pages: { used: number; capacity: number }[] = [];
  let used = run.start.used;
  let capacity = run.start.capacity;
  let first = true;
  let lastMargin = run.start.gap;
  for (const e of order) {
    // Margins between boxes collapse to the larger; at the top of a page the top margin is dropped.
    const top = first ? Math.max(run.start.gap, e.marginTop) : Math.max(lastMargin, e.marginTop);
    if (used + top + e.height <= capacity - e.notes) {
      used += top + e.height;
      capacity -= e.notes;
    } else {
      pages.push({ used, capacity });
      used = e.height;
      capacity = run.capacity - e.notes;
    }
    lastMargin = e.marginBottom;
    first = false;
  }
  pages.push({ used, capacity });
  return pages;
}

/** Above this many interleavings the search is not tried (the printed order stands). */
const MAX_ORDERS = 200_000;
/**
 * How far an exhibit may move from its numbered place: a figure set after every table (圖1–3,
 * 表1–4, 圖4) fills pages but reads as misplaced; two places keeps it near its neighbours.
 */
export const MAX_SHIFT = 2;

/**
 * The interleaving of figures and tables (each in its numbered order) with the best predicted
 * score, when it is better than the printed order's; otherwise null.
 */
export function planExhibits(run: ExhibitRun, minFill: number): { order: string[]; predicted: Score; current: Score } | null {
  const printed = run.exhibits;
  const figures = printed.filter((e) => e.kind === "figure");
  const tables = printed.filter((e) => e.kind === "table");
  if (figures.length === 0 || tables.length === 0 || binomial(printed.length, figures.length) > MAX_ORDERS) return null;
  const index = new Map(printed.map((e, i) => [e.id, i]));
  const current = scorePages(predictPages(run, printed), minFill);
  let best: { order: MeasuredExhibit[]; score: Score } = { order: printed, score: current };
  const order: MeasuredExhibit[] = [];
  const visit = (f: number, t: number) => {
    if (f === figures.length && t === tables.length) {
      const moved = order.reduce((sum, e, i) => sum + Math.abs(i - index.get(e.id)!), 0);
      const score = scorePages(predictPages(run, order), minFill, moved);
      if (compareScores(score, best.score) < 0) best = { order: [...order], score };
      return;
    }
    for (const [list, at, next] of [
      [figures, f, () => visit(f + 1, t)],
      [tables, t, () => visit(f, t + 1)],
    ] as const) {
      if (at === list.length || Math.abs(order.length - index.get(list[at]!.id)!) > MAX_SHIFT) continue;
      order.push(list[at]!);
      next();
      order.pop();
    }
  };
  visit(0, 0);
  return worthMoving(best.score, current) ? { order: best.order.map((e) => e.id), predicted: best.score, current } : null;
}

function binomial(n: number, k: number): number {
  let r = 1;
  for (let i = 1; i <= k; i++) r = (r * (n - k + i)) / i;
  return r;
}
