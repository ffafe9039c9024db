import type { Dataset } from "../data/load-dataset.ts";
import type { Stats } from "../stats/compute-stats.ts";
import { tables } from "../data/tables.ts";

/** A summary of a loaded data set for `greenbook check`: lines for people, an object for scripts. */
export function summarizeDataset(dataset: Dataset, stats: Stats) {
  const series = Object.values(tables)
    .filter((t) => t.name !== "labels" && t.name !== "published")
    .map((t) => {
      const entry = dataset.catalog[t.name]!;
      const key = Object.entries(tables).find(([, s]) => s === t)![0] as keyof Dataset["tables"];
      return { name: t.name, rows: dataset.tables[key].length, provenance: entry.provenance, source: entry.source.en, asOf: entry.asOf };
    });
  const counts = { published: 0, official: 0, illustrative: 0, derived: 0, synthetic: 0 };
  for (const s of series) counts[s.provenance]++;
  const illustrative = series.filter((s) => s.provenance === "illustrative" || s.provenance === "synthetic").map((s) => s.name);
  const lines = [
    `data: ${dataset.dir} (snapshot ${dataset.sha256.slice(0, 12)})`,
    `edition: ${dataset.edition.book.en}, version ${dataset.edition.version}, chapter from page ${dataset.edition.startPage}`,
    `${series.length} series, ${series.reduce((s, x) => s + x.rows, 0)} rows, ${dataset.labels.size} labels`,
    `provenance: ${counts.published} published, ${counts.official} official, ${counts.illustrative} illustrative${counts.derived ? `, ${counts.derived} derived` : ""}${counts.synthetic ? `, ${counts.synthetic} synthetic` : ""}`,
    `illustrative series: ${illustrative.join(", ") || "none"}`,
    "",
    ...series.map((s) => `  ${s.name.padEnd(22)} ${String(s.rows).padStart(4)} rows  ${s.provenance.padEnd(12)} as of ${s.asOf}`),
    "",
    `LinkedIn users: ${stats.flows.stayed} stayed, ${stats.flows.joined} joined, ${stats.flows.left} left (net ${stats.flows.net >= 0 ? "+" : ""}${stats.flows.net})`,
  ];
  // derived and synthetic appear only when a series has them, so scripts reading the three classic kinds see no change.
  const provenance = Object.fromEntries(Object.entries(counts).filter(([k, n]) => n > 0 || k === "published" || k === "official" || k === "illustrative"));
  return { lines, json: { data: dataset.dir, snapshot: dataset.sha256, version: dataset.edition.version, series, provenance, illustrative } };
}
