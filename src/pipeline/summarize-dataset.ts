import type { Chapter } from "../chapter/define-chapter.ts";
import type { Dataset } from "../data/load-dataset.ts";
import { isIllustrative, PROVENANCES } from "../data/edition.ts";

/** A summary of a loaded data set for `greenbook check`: lines for people, an object for scripts. */
export function summarizeDataset(chapter: Chapter, dataset: Dataset, stats: unknown) {
  const series = Object.entries(chapter.series).map(([key, spec]) => {
    const entry = dataset.catalog[spec.name]!;
    return { name: spec.name, rows: dataset.tables[key]?.length ?? 0, provenance: entry.provenance, source: entry.source.en ?? Object.values(entry.source)[0] ?? "", asOf: entry.asOf };
  });
  const counts = Object.fromEntries(PROVENANCES.map((p) => [p, series.filter((s) => s.provenance === p).length])) as Record<(typeof PROVENANCES)[number], number>;
  const illustrative = series.filter((s) => isIllustrative(s.provenance)).map((s) => s.name);
  const lines = [
    `data: ${dataset.dir} (snapshot ${dataset.sha256.slice(0, 12)})`,
    `edition: ${dataset.edition.book.en ?? dataset.edition.book[dataset.edition.languages[0]!]}, version ${dataset.edition.version}, chapter from page ${dataset.edition.startPage}`,
    `${series.length} series, ${series.reduce((s, x) => s + x.rows, 0)} rows, ${dataset.labels.size} labels`,
    `provenance: ${counts.published} published, ${counts.official} official, ${counts.illustrative} illustrative${counts.derived ? `, ${counts.derived} derived` : ""}${counts.synthetic ? `, ${counts.synthetic} synthetic` : ""}`,
    `illustrative series: ${illustrative.join(", ") || "none"}`,
    "",
    ...series.map((s) => `  ${s.name.padEnd(22)} ${String(s.rows).padStart(4)} rows  ${s.provenance.padEnd(12)} as of ${s.asOf}`),
    "",
    ...(chapter.summary?.(stats) ?? []),
  ];
  // derived and synthetic appear only when a series has them, so scripts reading the three classic kinds see no change.
  const provenance = Object.fromEntries(Object.entries(counts).filter(([k, n]) => n > 0 || !["derived", "synthetic"].includes(k)));
  return { lines, json: { chapter: chapter.id, data: dataset.dir, snapshot: dataset.sha256, version: dataset.edition.version, series, provenance, illustrative } };
}
