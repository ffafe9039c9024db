/**
 * The default opening illustration: greenbook's own artwork drawn from the regional flows of
 * Table 2. Hong Kong sits on the harbour under the outline of its hills and towers; each region is
 * a point on the horizon, the busiest farthest out so that the strongest flows draw the widest
 * arcs. Arcs arrive (joiners: solid, dark) and depart (leavers: light, dashed) with widths
 * proportional to the flows. Labels sit on the water, alternating between two rows so that long
 * names never touch.
 */
import type { Dataset } from "../../src/data/load-dataset.ts";
import type { Stats } from "./stats/compute-stats.ts";
import { escapeHtml } from "../../src/render/escape.ts";

const W = 1600;
const H = 640;
const HORIZON = 450;
/** Distance from Hong Kong to the nearest region's point, and the margin kept at each side. */
const INNER = 150;
const MARGIN = 90;
const LABEL_SIZE = 28;
const LABEL_ROWS = [HORIZON + 48, HORIZON + 88];

function round(n: number): string {
  return (Math.round(n * 10) / 10).toString();
}

/** A quadratic arc on the horizon from x0 to x1 whose highest point is `peak` above it. */
function arc(x0: number, x1: number, peak: number): string {
  return `M${round(x0)} ${HORIZON} Q${round((x0 + x1) / 2)} ${round(HORIZON - 2 * peak)} ${round(x1)} ${HORIZON}`;
}

/** Deterministic pseudo-random numbers in [0, 1), so the artwork is the same on every build. */
function sequence(seed: number): () => number {
  let s = seed;
  return () => {
    s = (s * 1103515245 + 12345) % 2147483648;
    return s / 2147483648;
  };
}

/** Hills and a row of towers around Hong Kong's point, pale, behind the arcs. */
function skyline(cx: number): string {
  const hills = `M${cx - 620} ${HORIZON} C${cx - 480} ${HORIZON - 70} ${cx - 330} ${HORIZON - 150} ${cx - 170} ${HORIZON - 160} S${cx + 60} ${HORIZON - 95} ${cx + 190} ${HORIZON - 118} S${cx + 470} ${HORIZON - 40} ${cx + 620} ${HORIZON} Z`;
  const rand = sequence(172);
  const towers: string[] = [];
  for (let x = cx - 300; x < cx + 300; ) {
    const w = 16 + Math.round(rand() * 18);
    const near = 1 - Math.abs(x + w / 2 - cx) / 320;
    const h = 22 + Math.round((30 + rand() * 60) * near);
    towers.push(`<rect x="${x}" y="${HORIZON - h}" width="${w}" height="${h}"/>`);
    x += w + 3;
  }
  // Two landmark towers, one either side of the centre.
  towers.push(`<path d="M${cx - 96} ${HORIZON} v-128 l10 -14 l10 14 v128 Z"/>`, `<path d="M${cx + 70} ${HORIZON} v-112 l12 -10 l12 10 v112 Z"/>`);
  return `<path d="${hills}" fill="#d5e2d8"/>\n<g fill="#c2d5c7">${towers.join("")}</g>`;
}

/** Rough advance width of a label: CJK characters are a full em, Latin about half. */
function labelWidth(text: string, size: number): number {
  let em = 0;
  for (const ch of text) em += /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef]/.test(ch) ? 1 : 0.54;
  return em * size;
}

export function drawOpeningArtwork(dataset: Dataset, stats: Stats, lang: string, fonts: { sans: string }): string {
  // Quietest regions nearest Hong Kong, busiest farthest; alternate sides so both halves balance.
  const rows = [...stats.regions.rows].sort((a, b) => a.turnover - b.turnover);
  const max = Math.max(1, ...rows.flatMap((r) => [r.join, r.leave]));
  const hk = { x: W / 2, y: HORIZON };
  const perSide = Math.max(1, Math.ceil(rows.length / 2));
  const step = perSide > 1 ? (W / 2 - MARGIN - INNER) / (perSide - 1) : 0;
  const slots = rows.map((r, i) => {
    const side = i % 2 === 0 ? -1 : 1;
    const rank = Math.floor(i / 2);
    return { r, x: hk.x + side * (INNER + rank * step) };
  });

  const leaving: string[] = [];
  const arriving: string[] = [];
  for (const { r, x } of slots) {
    const d = Math.abs(x - hk.x);
    const peak = 50 + d * 0.48;
    const wJoin = 2.5 + (r.join / max) * 26;
    const wLeave = 2 + (r.leave / max) * 26;
    leaving.push(`<path d="${arc(hk.x, x, peak * 0.8)}" stroke-width="${round(wLeave)}" stroke-dasharray="${round(wLeave * 1.4)} ${round(wLeave * 0.9)}"/>`);
    arriving.push(`<path d="${arc(x, hk.x, peak)}" stroke-width="${round(wJoin)}"/>`);
  }

  // Labels left to right, Hong Kong included, alternate between the two rows.
  const hkLabel = escapeHtml(dataset.labels.get("city:hong-kong")?.[lang] ?? "Hong Kong");
  const points = [...slots.map((s) => ({ x: s.x, label: escapeHtml(dataset.labels.get(`region:${s.r.id}`)?.[lang] ?? s.r.id), hk: false })), { x: hk.x, label: hkLabel, hk: true }].sort((a, b) => a.x - b.x);
  const hkIndex = points.findIndex((p) => p.hk);
  const labels = points.map((p, i) => {
    const y = LABEL_ROWS[Math.abs(i - hkIndex) % 2]!;
    // Keep a label whole inside the picture: the outermost names are the longest.
    const half = labelWidth(p.label, LABEL_SIZE) / 2 + 14;
    const lx = Math.min(W - half, Math.max(half, p.x));
    if (p.hk) return `<text x="${round(p.x)}" y="${y + 4}" text-anchor="middle" font-size="${LABEL_SIZE + 8}" font-weight="700" fill="#ffffff">${p.label}</text>`;
    const tick = y > LABEL_ROWS[0]! ? `<path d="M${round(p.x)} ${HORIZON + 12} V${y - LABEL_SIZE}" stroke="#ffffff" stroke-opacity="0.45" stroke-width="1.5"/>` : "";
    return `${tick}<circle cx="${round(p.x)}" cy="${HORIZON}" r="6" fill="#1e5b3a" stroke="#ffffff" stroke-width="2"/><text x="${round(lx)}" y="${y}" text-anchor="middle" font-size="${LABEL_SIZE}" fill="#ffffff">${p.label}</text>`;
  });

  // Harbour: layered water bands with a few deterministic ripples, clear of the label rows.
  const rand = sequence(2024);
  const ripples = Array.from({ length: 16 }, (_, i) => {
    const y = HORIZON + 110 + (i % 4) * 18;
    const x = 40 + ((i * 397) % (W - 160)) + Math.round(rand() * 30);
    return `<path d="M${x} ${y} q20 -6 40 0 t40 0" fill="none" stroke="#ffffff" stroke-opacity="0.35" stroke-width="2"/>`;
  }).join("");

  return `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" aria-hidden="true" focusable="false" font-family='${fonts.sans.replace(/'/g, "")}'>
<defs>
<linearGradient id="gb-open-sky" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#f6f8f4"/><stop offset="1" stop-color="#e3ece5"/></linearGradient>
<linearGradient id="gb-open-sea" x1="0" y1="0" x2="0" y2="1"><stop offset="0" stop-color="#4d7d62"/><stop offset="1" stop-color="#1f4a34"/></linearGradient>
</defs>
<rect width="${W}" height="${H}" fill="url(#gb-open-sky)"/>
${skyline(hk.x)}
<g fill="none" stroke="#8fb09b" stroke-linecap="butt" opacity="0.9">
${leaving.join("\n")}
</g>
<g fill="none" stroke="#1e5b3a" stroke-linecap="round" opacity="0.88">
${arriving.join("\n")}
</g>
<rect x="0" y="${HORIZON}" width="${W}" height="${H - HORIZON}" fill="url(#gb-open-sea)"/>
<rect x="0" y="${HORIZON}" width="${W}" height="3" fill="#ffffff" opacity="0.5"/>
${ripples}
${labels.join("\n")}
<circle cx="${hk.x}" cy="${HORIZON}" r="13" fill="#ffffff" stroke="#1e5b3a" stroke-width="5"/>
</svg>`;
}
