/**
 * Makes Vega's SVG output stable and safe to inline: every id (clip paths, gradients) is
 * renamed in order of appearance under a prefix unique to the figure and language, and
 * coordinates are rounded to two decimals so sub-pixel noise in text metrics does not show.
 */

const GEOMETRY_ATTRS = /\s(d|transform|x|y|x1|x2|y1|y2|dx|dy|width|height|cx|cy|r|points|viewBox)="([^"]*)"/g;

/** Returns `svg` with ids prefixed by `prefix` (e.g. "fig1-zh-HK") and numbers in geometry rounded. */
export function normalizeSvg(svg: string, prefix: string): string {
  const ids = new Map<string, string>();
  for (const m of svg.matchAll(/\sid="([^"]+)"/g)) {
    if (!ids.has(m[1]!)) ids.set(m[1]!, `${prefix}-${ids.size + 1}`);
  }
  let out = svg.replace(/\sid="([^"]+)"/g, (_, id: string) => ` id="${ids.get(id)}"`);
  out = out.replace(/url\(#([^)]+)\)/g, (whole, id: string) => (ids.has(id) ? `url(#${ids.get(id)})` : whole));
  out = out.replace(/(xlink:)?href="#([^"]+)"/g, (whole, xl: string | undefined, id: string) => (ids.has(id) ? `${xl ?? ""}href="#${ids.get(id)}"` : whole));
  out = out.replace(GEOMETRY_ATTRS, (_, name: string, value: string) => ` ${name}="${roundNumbers(value)}"`);
  return out;
}

function roundNumbers(value: string): string {
  return value.replace(/-?\d*\.\d+(?:e-?\d+)?/g, (n) => {
    const r = Math.round(Number(n) * 100) / 100;
    return String(r === 0 ? 0 : r);
  });
}
