/**
 * The default opening illustration: greenbook's own artwork drawn from the regional flows of
 * Table 2. Hong Kong sits on the harbour line; each region is a point on the horizon; arcs arrive
 * (joiners, solid, dark) and depart (leavers, light, dashed) with widths proportional to the flows.
 */
import type { Dataset } from "../data/load-dataset.ts";
import type { Lang } from "../data/edition.ts";
import type { Stats } from "../stats/compute-stats.ts";
import { escapeHtml } from "./escape.ts";

const W = 1600;
const H = 620;
const HORIZON = 470;

function round(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

export function drawOpeningArtwork(dataset: Dataset, stats: Stats, lang: Lang, fonts: { sans: string }): string {
  const rows = [...stats.regions.rows].sort((a, b) => b.turnover - a.turnover);
  const max = Math.max(1, ...rows.flatMap((r) => [r.join, r.leave]));
  const hk = { x: W / 2, y: HORIZON };
  // Alternate regions left and right of Hong Kong, the busiest nearest.
  const slots = rows.map((r, i) => {
    const side = i % 2 === 0 ? -1 : 1;
    const rank = Math.floor(i / 2);
    const spread = (W / 2 - 90) / Math.max(1, Math.ceil(rows.length / 2));
    return { r, x: hk.x + side * (160 + rank * spread), side };
  });
  const arcs: string[] = [];
  const labels: string[] = [];
  for (const { r, x } of slots) {
    const d = Math.abs(x - hk.x);
    const lift = 120 + d * 0.45;
    const wJoin = 2 + (r.join / max) * 26;
    const wLeave = 2 + (r.leave / max) * 26;
    const path = (from: number, to: number, h: number) => `M${round(from)} ${HORIZON} Q${round((from + to) / 2)} ${round(HORIZON - h)} ${round(to)} ${HORIZON}`;
    arcs.push(`<path d="${path(hk.x, x, lift * 0.82)}" fill="none" stroke="#9fb8a8" stroke-width="${round(wLeave)}" stroke-dasharray="${round(wLeave * 1.2)} ${round(wLeave * 0.8)}" stroke-linecap="butt" opacity="0.9"/>`);
    arcs.push(`<path d="${path(x, hk.x, lift)}" fill="none" stroke="#1e5b3a" stroke-width="${round(wJoin)}" stroke-linecap="round" opacity="0.85"/>`);
    const label = dataset.labels.get(`region:${r.id}`)?.[lang] ?? r.id;
    labels.push(`<circle cx="${round(x)}" cy="${HORIZON}" r="5" fill="#1e5b3a"/>`);
    labels.push(`<text x="${round(x)}" y="${HORIZON + 34}" text-anchor="middle" font-size="22" fill="#234">${escapeHtml(label)}</text>`);
  }
  const hkLabel = escapeHtml(dataset.labels.get("city:hong-kong")?.[lang] ?? "Hong Kong");
  // Harbour: layered water bands with a few deterministic ripples.
  const ripples = Array.from({ length: 14 }, (_, i) => {
    const y = HORIZON + 60 + (i % 5) * 18;
    const x = 60 + ((i * 389) % (W - 160));
    return `<path d="M${x} ${y} q20 -6 40 0 t40 0" fill="none" stroke="#ffffff" stroke-opacity="0.55" stroke-width="2"/>`;
  }).join("");
  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" role="img" aria-hidden="true" font-family='${fonts.sans.replace(/'/g, "")}'>
<defs>
<linearGradient id="gb-open-sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f3f6f1"/><stop offset="1" stop-color="#dfe9e1"/></linearGradient>
<linearGradient id="gb-open-sea" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#7fa58e"/><stop offset="1" stop-color="#3f6f55"/></linearGradient>
</defs>
<rect width="${W}" height="${H}" fill="url(#gb-open-sky)"/>
${arcs.join("\n")}
<rect x="0" y="${HORIZON}" width="${W}" height="${H - HORIZON}" fill="url(#gb-open-sea)"/>
${ripples}
${labels.join("\n")}
<circle cx="${hk.x}" cy="${HORIZON}" r="12" fill="#ffffff" stroke="#1e5b3a" stroke-width="5"/>
<text x="${hk.x}" y="${HORIZON + 44}" text-anchor="middle" font-size="30" font-weight="700" fill="#ffffff">${hkLabel}</text>
</svg>`;
}
