/**
 * What changed between two archived versions, from their own copies of the inputs: data rows
 * added, removed or changed; statistics that moved; claims whose outcome flipped (with both
 * wordings, each from its version's templates); page counts of every document.
 */
import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { evaluateChapterClaims, type Claims } from "../claims/evaluate-claims.ts";
import { loadDataset, type Dataset } from "../data/load-dataset.ts";
import { decodeDataFile } from "../data/decode-text.ts";
import type { Chapter } from "../chapter/define-chapter.ts";
import { ArchiveError } from "../errors.ts";
import { loadTemplates } from "../render/load-templates.ts";
import { createProseRenderer } from "../render/render-prose.ts";
type Stats = unknown;
type Lang = string;
import { archiveRoot, checkVersionLabel } from "./archive-layout.ts";
import { readManifest, type Manifest } from "./manifest.ts";

export interface RowChange {
  file: string;
  key: string;
  kind: "added" | "removed" | "changed";
  /** Changed cells: column → [before, after]. */
  cells?: Record<string, [string, string]>;
}

export interface VersionDiff {
  from: string;
  to: string;
  rows: RowChange[];
  /** The dates the two versions' data were taken as known on (release dates decide which revisions count). */
  asOf: { before: string; after: string };
  stats: { path: string; before: number | string; after: number | string }[];
  claims: { id: string; before: string; after: string; wording: Record<Lang, { before: string; after: string }> }[];
  pages: { document: string; before: number | null; after: number | null }[];
  otherFiles: { file: string; change: "added" | "removed" | "changed" }[];
}

interface Version {
  label: string;
  dir: string;
  manifest: Manifest;
  dataset: Dataset;
  stats: Stats;
  claims: Claims;
}

function openVersion(chapter: Chapter, outDir: string, label: string): Version {
  const dir = path.join(archiveRoot(outDir), checkVersionLabel(label));
  const manifestFile = path.join(dir, "manifest.json");
  if (!existsSync(manifestFile)) throw new ArchiveError(`no archived version "${label}" in ${archiveRoot(outDir)}`);
  const manifest = readManifest(dir);
  const dataset = loadDataset(chapter, path.join(dir, "inputs", "data"), { asOf: manifest.asOf });
  const stats = chapter.computeStats(dataset);
  return { label, dir, manifest, dataset, stats, claims: evaluateChapterClaims(chapter, stats) };
}

function readRows(file: string): Record<string, string>[] {
  if (!existsSync(file)) return [];
  const text = decodeDataFile(readFileSync(file), file);
  return parse(text, { columns: true, skip_empty_lines: true }) as Record<string, string>[];
}

function diffRows(chapter: Chapter, a: Version, b: Version): RowChange[] {
  const out: RowChange[] = [];
  for (const spec of Object.values(chapter.series)) {
    const file = `${spec.name}.csv`;
    const key = (r: Record<string, string>) => spec.key.map((k: string) => r[k] ?? "").join(" / ");
    const before = new Map(readRows(path.join(a.dir, "inputs", "data", file)).map((r) => [key(r), r]));
    const after = new Map(readRows(path.join(b.dir, "inputs", "data", file)).map((r) => [key(r), r]));
    for (const [k, r] of after) {
      const old = before.get(k);
      if (!old) out.push({ file, key: k, kind: "added" });
      else {
        const cells: Record<string, [string, string]> = {};
        for (const col of new Set([...Object.keys(old), ...Object.keys(r)])) if ((old[col] ?? "") !== (r[col] ?? "")) cells[col] = [old[col] ?? "", r[col] ?? ""];
        if (Object.keys(cells).length) out.push({ file, key: k, kind: "changed", cells });
      }
    }
    for (const k of before.keys()) if (!after.has(k)) out.push({ file, key: k, kind: "removed" });
  }
  return out;
}

/** Every number and string leaf of the statistics, by path (arrays of rows keyed by their id). */
function flatten(value: unknown, prefix = "", out = new Map<string, number | string>()): Map<string, number | string> {
  if (typeof value === "number" || typeof value === "string") out.set(prefix, value);
  else if (Array.isArray(value)) {
    value.forEach((v, i) => {
      const o = v as Record<string, unknown> | undefined;
      const id = o && typeof o === "object" ? (o.id ?? o.ageGroup ?? o.parent ?? o.period ?? o.cohort) : undefined;
      const tag = o && typeof o === "object" && "transition" in o ? `${String(o.transition)}-${String(o.move)}` : o && typeof o === "object" && "year" in o && "parent" in o ? `${String(o.year)}-${String(o.parent)}` : id;
      flatten(v, `${prefix}[${tag !== undefined ? String(tag) : i}]`, out);
    });
  } else if (value && typeof value === "object") {
    for (const [k, v] of Object.entries(value)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  }
  return out;
}

function diffStats(a: Stats, b: Stats): VersionDiff["stats"] {
  const fa = flatten(a);
  const fb = flatten(b);
  const out: VersionDiff["stats"] = [];
  for (const [p, v] of fb) {
    const old = fa.get(p);
    const same = typeof v === "number" && typeof old === "number" ? Math.abs(v - old) <= 1e-12 * Math.max(1, Math.abs(old)) || (Number.isNaN(v) && Number.isNaN(old)) : v === old;
    if (!same) out.push({ path: p, before: old ?? "(none)", after: v });
  }
  for (const [p, v] of fa) if (!fb.has(p)) out.push({ path: p, before: v, after: "(none)" });
  return out;
}

function wording(chapter: Chapter, v: Version, lang: Lang, id: string): string {
  const templates = loadTemplates(chapter, v.dataset.edition.languages, path.join(v.dir, "inputs", "templates")).languages.get(lang)!;
  const prose = createProseRenderer({ chapter, dataset: v.dataset, stats: v.stats, claims: v.claims, templates, target: "screen" });
  const key = templates.claims[id] ? id : Object.keys(templates.claims).find((k) => k.startsWith(`${id}#`));
  if (!key) return "(no wording)";
  const variant = key.includes("#") ? ` variant="${key.split("#")[1]}"` : "";
  return prose.text({ name: key, file: templates.claimsFile, text: `{{claim "${id}"${variant}}}` }).replace(/\s+/g, " ").trim();
}

export function diffVersions(chapter: Chapter, outDir: string, fromLabel: string, toLabel: string): VersionDiff {
  const a = openVersion(chapter, outDir, fromLabel);
  const b = openVersion(chapter, outDir, toLabel);
  const claims = [...b.claims.values()]
    .filter((c) => a.claims.get(c.id)?.outcome !== c.outcome)
    .map((c) => {
      const before = a.claims.get(c.id)?.outcome ?? "(none)";
      const w = Object.fromEntries(b.dataset.edition.languages.map((lang) => [lang, { before: a.dataset.edition.languages.includes(lang) ? wording(chapter, a, lang, c.id) : "(no edition)", after: wording(chapter, b, lang, c.id) }])) as Record<Lang, { before: string; after: string }>;
      return { id: c.id, before, after: c.outcome, wording: w };
    });
  const pagesOf = (m: Manifest) => new Map(m.outputs.filter((o) => o.path.endsWith(".pdf")).map((o) => [o.path, o.pages ?? null]));
  const pa = pagesOf(a.manifest);
  const pb = pagesOf(b.manifest);
  const pages = [...new Set([...pa.keys(), ...pb.keys()])].sort().map((d) => ({ document: d, before: pa.get(d) ?? null, after: pb.get(d) ?? null }));
  const hashes = (m: Manifest) => new Map(m.inputs.filter((f) => f.path.startsWith("inputs/templates/")).map((f) => [f.path.replace("inputs/", ""), f.sha256]));
  const ta = hashes(a.manifest);
  const tb = hashes(b.manifest);
  const otherFiles: VersionDiff["otherFiles"] = [];
  for (const [f, h] of tb) if (!ta.has(f)) otherFiles.push({ file: f, change: "added" });
  else if (ta.get(f) !== h) otherFiles.push({ file: f, change: "changed" });
  for (const f of ta.keys()) if (!tb.has(f)) otherFiles.push({ file: f, change: "removed" });
  return { from: fromLabel, to: toLabel, rows: diffRows(chapter, a, b), asOf: { before: a.dataset.asOf, after: b.dataset.asOf }, stats: diffStats(a.stats, b.stats), claims, pages, otherFiles };
}

/** The diff as a report an editor can read. */
export function formatDiff(d: VersionDiff): string[] {
  const lines = [`changes from ${d.from} to ${d.to}`, ""];
  lines.push(`data rows: ${d.rows.length} changed`);
  for (const r of d.rows) {
    if (r.kind === "changed") {
      const cells = Object.entries(r.cells ?? {}).map(([c, [x, y]]) => `${c} ${x} → ${y}`).join(", ");
      lines.push(`  ~ ${r.file} [${r.key}]: ${cells}`);
    } else lines.push(`  ${r.kind === "added" ? "+" : "-"} ${r.file} [${r.key}] ${r.kind}`);
  }
  lines.push("", `statistics: ${d.stats.length} moved`);
  const fmt = (v: number | string) => (typeof v === "number" ? String(+v.toPrecision(8)) : v);
  for (const s of d.stats) lines.push(`  ${s.path}: ${fmt(s.before)} → ${fmt(s.after)}`);
  if (d.asOf.before !== d.asOf.after) lines.push("", `data as of: ${d.asOf.before} → ${d.asOf.after} (revisions published in between count)`);
  lines.push("", `claims: ${d.claims.length} flipped`);
  for (const c of d.claims) {
    lines.push(`  ${c.id}: ${c.before} → ${c.after}`);
    for (const [lang, w] of Object.entries(c.wording)) {
      lines.push(`    ${lang} before: ${w.before}`);
      lines.push(`    ${lang} after:  ${w.after}`);
    }
  }
  lines.push("", "pages:");
  for (const p of d.pages) lines.push(`  ${p.document}: ${p.before ?? "–"} → ${p.after ?? "–"}${p.before === p.after ? "" : "  (changed)"}`);
  if (d.otherFiles.length) {
    lines.push("", "templates:");
    for (const f of d.otherFiles) lines.push(`  ${f.change} ${f.file}`);
  }
  return lines;
}
