/**
 * Checks across files that hold for every chapter: one catalog entry per data file and no stray
 * ones, every published figure names a statistic the chapter can recompute; then the chapter's
 * own checks (totals that add up, labels for every id, ranks within range…).
 */
import type { Chapter } from "../chapter/define-chapter.ts";
import type { Problem } from "../errors.ts";
import { messages } from "../messages.ts";
import type { Columns, Row } from "./define-series.ts";
import type { Catalog } from "./edition.ts";

export function checkCatalog(input: { chapter: Chapter; rows: Record<string, Row<Columns>[]>; catalog: Catalog; fileOf: (name: string) => string; catalogFile: string }): Problem[] {
  const { chapter, rows, catalog, fileOf, catalogFile } = input;
  const problems: Problem[] = [];
  const nameOf = (key: string) => chapter.series[key]?.name ?? key;

  const described = new Set(Object.keys(catalog));
  for (const spec of Object.values(chapter.series)) {
    if (!described.has(spec.name)) problems.push({ file: catalogFile, message: messages.noCatalogEntry(spec.name, fileOf(spec.name)) });
    described.delete(spec.name);
  }
  for (const name of described) problems.push({ file: catalogFile, column: name, message: messages.unknownCatalogEntry(name) });

  for (const r of rows.published ?? []) {
    if (!(String(r.id) in (chapter.reproducible ?? {}))) problems.push({ file: fileOf("published"), line: r.line, column: "id", message: messages.unknownPublishedId(String(r.id)) });
  }

  if (chapter.check) {
    const labelKeys = new Set((rows.labels ?? []).map((l) => String(l.key)));
    chapter.check({
      rows,
      catalog,
      fileOf: (series) => fileOf(nameOf(series)),
      problem: (series, line, column, message) => problems.push({ file: fileOf(nameOf(series)), line, column, message }),
      requireLabel: (series, line, column, key) => {
        if (!labelKeys.has(key)) problems.push({ file: fileOf(nameOf(series)), line, column, message: messages.missingLabel(key, fileOf("labels")) });
      },
    });
  }
  return problems;
}
