/**
 * Checks that hold across rows and files of this chapter: totals that must add up, subsets that
 * cannot exceed their whole, labels for every id, ranks within range, contiguous histogram bins.
 */
import type { CheckContext } from "../../src/chapter/index.ts";
import { messages } from "../../src/chapter/index.ts";
import type { TableRows } from "./series.ts";

export function checkChapter(ctx: CheckContext<TableRows>): void {
  const rows = ctx.rows;
  // LinkedIn totals: all three groups present.
  const totals = new Map(rows.linkedinTotals.map((r) => [r.group, r]));
  for (const g of ["stayed", "joined", "left"] as const) {
    if (!totals.has(g)) ctx.problem("linkedinTotals", undefined, "group", messages.requiredRow(`"${g}"`));
  }

  // Age groups of all users add up to the LinkedIn totals; the top-salary cohort is a subset.
  const all = rows.ageFlows.filter((r) => r.cohort === "all");
  for (const col of ["joined", "left", "stayed"] as const) {
    const total = totals.get(col);
    if (!total || all.length === 0) continue;
    const sum = all.reduce((s, r) => s + r[col], 0);
    if (sum !== total.count) {
      ctx.problem("ageFlows", undefined, col, messages.sumMismatch(`the "all" age groups' ${col}`, sum, total.count, `${ctx.fileOf("linkedinTotals")}:${total.line}`));
    }
  }
  const allByGroup = new Map(all.map((r) => [r.age_group, r]));
  for (const r of rows.ageFlows.filter((x) => x.cohort !== "all")) {
    const whole = allByGroup.get(r.age_group);
    if (!whole) {
      ctx.problem("ageFlows", r.line, "age_group", messages.requiredRow(`cohort "all", age group ${r.age_group}`));
      continue;
    }
    for (const col of ["joined", "left", "stayed"] as const) {
      if (r[col] > whole[col]) ctx.problem("ageFlows", r.line, col, messages.subsetExceeds(col, r[col], whole[col], `all users aged ${r.age_group} (line ${whole.line})`));
    }
  }
  for (const r of rows.ageFlows) {
    const [lo, hi] = r.age_group.split("-").map(Number) as [number, number];
    if (hi - lo !== 4) ctx.problem("ageFlows", r.line, "age_group", messages.gotValue("a five-year age group such as 25-29", r.age_group));
  }

  // Table 2: the highly educated are a subset of all users.
  for (const r of rows.regionFlows) {
    if (r.leave_edu > r.leave) ctx.problem("regionFlows", r.line, "leave_edu", messages.subsetExceeds("leave_edu", r.leave_edu, r.leave, "all leavers (column leave)"));
    if (r.join_edu > r.join) ctx.problem("regionFlows", r.line, "join_edu", messages.subsetExceeds("join_edu", r.join_edu, r.join, "all joiners (column join)"));
  }

  // Table 4: ranks within 1..n.
  const n = rows.cityRanks.length;
  for (const r of rows.cityRanks) {
    for (const [col, v] of Object.entries(r)) {
      if (col.endsWith("_rank") && typeof v === "number" && v > n) ctx.problem("cityRanks", r.line, col, messages.rankOutOfRange(v, n));
    }
  }

  // Population: each date is the reference date of its period.
  for (const r of rows.population) {
    const [when, year] = r.period.split("-") as [string, string];
    const date = `${year}-${when === "mid" ? "06-30" : "12-31"}`;
    if (r.date !== date) ctx.problem("population", r.line, "date", messages.dateNotPeriod(r.date, r.period));
  }

  for (const r of rows.immigration) {
    if (r.period_end < r.period_start) ctx.problem("immigration", r.line, "period_end", messages.periodOrder());
  }

  // Histogram bins: open at both ends, contiguous, increasing.
  const bins = rows.mncGrowth;
  bins.forEach((b, i) => {
    if (i === 0 && b.growth_min !== undefined) ctx.problem("mncGrowth", b.line, "growth_min", messages.openBin("first"));
    if (i === bins.length - 1 && b.growth_max !== undefined) ctx.problem("mncGrowth", b.line, "growth_max", messages.openBin("last"));
    if (b.growth_min !== undefined && b.growth_max !== undefined && b.growth_min >= b.growth_max) ctx.problem("mncGrowth", b.line, "growth_max", messages.binOrder());
    const prev = bins[i - 1];
    if (prev && prev.growth_max !== b.growth_min) ctx.problem("mncGrowth", b.line, "growth_min", messages.binGap(String(prev.growth_max ?? ""), String(b.growth_min ?? "")));
  });

  // Labels for every key the chapter shows.
  for (const r of rows.regionFlows) ctx.requireLabel("regionFlows", r.line, "region", `region:${r.region}`);
  for (const r of rows.cityRanks) ctx.requireLabel("cityRanks", r.line, "city", `city:${r.city}`);
  for (const r of rows.rhq) ctx.requireLabel("rhq", r.line, "parent", `parent:${r.parent}`);
  for (const r of rows.mainlandCensus) ctx.requireLabel("mainlandCensus", r.line, "place", `place:${r.place}`);
  for (const r of rows.profile) {
    ctx.requireLabel("profile", r.line, "row", `profile:${r.row}`);
    ctx.requireLabel("profile", r.line, "section", `section:${r.section}`);
  }
  for (const r of rows.transitions) {
    ctx.requireLabel("transitions", r.line, "transition", `transition:${r.transition}`);
    ctx.requireLabel("transitions", r.line, "move", `move:${r.move}`);
  }
  for (const r of rows.ageFlows) ctx.requireLabel("ageFlows", r.line, "cohort", `cohort:${r.cohort}`);
  for (const r of rows.immigration) ctx.requireLabel("immigration", r.line, "scheme", `scheme:${r.scheme}`);
}
