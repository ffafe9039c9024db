/**
 * Checks that hold across rows and files: totals that must add up, subsets that cannot exceed
 * their whole, labels for every key, ranks within range, contiguous histogram bins.
 */
import type { Problem } from "../errors.ts";
import { messages } from "../messages.ts";
import type { Catalog } from "./edition.ts";
import { tables, type TableRows } from "./tables.ts";
import { REPRODUCIBLE } from "../reproduce/published-values.ts";

export function checkConsistency(rows: TableRows, catalog: Catalog, fileOf: (name: string) => string, catalogFile: string): Problem[] {
  const problems: Problem[] = [];
  const at = (table: { name: string }, line: number | undefined, column: string | undefined, message: string) =>
    problems.push({ file: fileOf(table.name), line, column, message });

  // Catalog: one entry per data file, and no stray ones.
  const described = new Set(Object.keys(catalog));
  for (const spec of Object.values(tables)) {
    if (spec.name === "labels" || spec.name === "published") continue;
    if (!described.has(spec.name)) problems.push({ file: catalogFile, message: messages.noCatalogEntry(spec.name, fileOf(spec.name)) });
    described.delete(spec.name);
  }
  for (const name of described) problems.push({ file: catalogFile, column: name, message: messages.unknownCatalogEntry(name) });

  // Published figures: each names a statistic greenbook knows how to recompute.
  for (const r of rows.published) {
    if (!(r.id in REPRODUCIBLE)) at(tables.published, r.line, "id", messages.unknownPublishedId(r.id));
  }

  // LinkedIn totals: all three groups present.
  const totals = new Map(rows.linkedinTotals.map((r) => [r.group, r]));
  for (const g of ["stayed", "joined", "left"] as const) {
    if (!totals.has(g)) at(tables.linkedinTotals, undefined, "group", messages.requiredRow(`"${g}"`));
  }

  // Age groups of all users add up to the LinkedIn totals; the top-salary cohort is a subset.
  const all = rows.ageFlows.filter((r) => r.cohort === "all");
  for (const col of ["joined", "left", "stayed"] as const) {
    const total = totals.get(col);
    if (!total || all.length === 0) continue;
    const sum = all.reduce((s, r) => s + r[col], 0);
    if (sum !== total.count) {
      at(tables.ageFlows, undefined, col, messages.sumMismatch(`the "all" age groups' ${col}`, sum, total.count, `${fileOf(tables.linkedinTotals.name)}:${total.line}`));
    }
  }
  const allByGroup = new Map(all.map((r) => [r.age_group, r]));
  for (const r of rows.ageFlows.filter((x) => x.cohort !== "all")) {
    const whole = allByGroup.get(r.age_group);
    if (!whole) {
      at(tables.ageFlows, r.line, "age_group", messages.requiredRow(`cohort "all", age group ${r.age_group}`));
      continue;
    }
    for (const col of ["joined", "left", "stayed"] as const) {
      if (r[col] > whole[col]) at(tables.ageFlows, r.line, col, messages.subsetExceeds(col, r[col], whole[col], `all users aged ${r.age_group} (line ${whole.line})`));
    }
  }
  for (const r of rows.ageFlows) {
    const [lo, hi] = r.age_group.split("-").map(Number) as [number, number];
    if (hi - lo !== 4) at(tables.ageFlows, r.line, "age_group", messages.gotValue("a five-year age group such as 25-29", r.age_group));
  }

  // Table 2: the highly educated are a subset of all users.
  for (const r of rows.regionFlows) {
    if (r.leave_edu > r.leave) at(tables.regionFlows, r.line, "leave_edu", messages.subsetExceeds("leave_edu", r.leave_edu, r.leave, "all leavers (column leave)"));
    if (r.join_edu > r.join) at(tables.regionFlows, r.line, "join_edu", messages.subsetExceeds("join_edu", r.join_edu, r.join, "all joiners (column join)"));
  }

  // Table 4: ranks within 1..n.
  const n = rows.cityRanks.length;
  for (const r of rows.cityRanks) {
    for (const [col, v] of Object.entries(r)) {
      if (col.endsWith("_rank") && typeof v === "number" && v > n) at(tables.cityRanks, r.line, col, messages.rankOutOfRange(v, n));
    }
  }

  // Population: each date is the reference date of its period.
  for (const r of rows.population) {
    const [when, year] = r.period.split("-") as [string, string];
    const date = `${year}-${when === "mid" ? "06-30" : "12-31"}`;
    if (r.date !== date) at(tables.population, r.line, "date", messages.dateNotPeriod(r.date, r.period));
  }

  for (const r of rows.immigration) {
    if (r.period_end < r.period_start) at(tables.immigration, r.line, "period_end", messages.periodOrder());
  }

  // Histogram bins: open at both ends, contiguous, increasing.
  const bins = rows.mncGrowth;
  bins.forEach((b, i) => {
    if (i === 0 && b.growth_min !== undefined) at(tables.mncGrowth, b.line, "growth_min", messages.openBin("first"));
    if (i === bins.length - 1 && b.growth_max !== undefined) at(tables.mncGrowth, b.line, "growth_max", messages.openBin("last"));
    if (b.growth_min !== undefined && b.growth_max !== undefined && b.growth_min >= b.growth_max) at(tables.mncGrowth, b.line, "growth_max", messages.binOrder());
    const prev = bins[i - 1];
    if (prev && prev.growth_max !== b.growth_min) at(tables.mncGrowth, b.line, "growth_min", messages.binGap(String(prev.growth_max ?? ""), String(b.growth_min ?? "")));
  });

  // Labels for every key the chapter shows.
  const labelKeys = new Set(rows.labels.map((l) => l.key));
  const need = (table: { name: string }, line: number, column: string, key: string) => {
    if (!labelKeys.has(key)) at(table, line, column, messages.missingLabel(key, fileOf(tables.labels.name)));
  };
  for (const r of rows.regionFlows) need(tables.regionFlows, r.line, "region", `region:${r.region}`);
  for (const r of rows.cityRanks) need(tables.cityRanks, r.line, "city", `city:${r.city}`);
  for (const r of rows.rhq) need(tables.rhq, r.line, "parent", `parent:${r.parent}`);
  for (const r of rows.mainlandCensus) need(tables.mainlandCensus, r.line, "place", `place:${r.place}`);
  for (const r of rows.profile) {
    need(tables.profile, r.line, "row", `profile:${r.row}`);
    need(tables.profile, r.line, "section", `section:${r.section}`);
  }
  for (const r of rows.transitions) {
    need(tables.transitions, r.line, "transition", `transition:${r.transition}`);
    need(tables.transitions, r.line, "move", `move:${r.move}`);
  }
  for (const r of rows.ageFlows) need(tables.ageFlows, r.line, "cohort", `cohort:${r.cohort}`);
  for (const r of rows.immigration) need(tables.immigration, r.line, "scheme", `scheme:${r.scheme}`);
  return problems;
}
