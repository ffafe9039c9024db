/**
 * What this edition says differently from the chapter as first published: every published figure
 * (published.csv) the data no longer reproduce at its printed precision, and every claim whose
 * outcome or named facts differ from what the published chapter stated. Each comes with its
 * reason: new data when a series behind it was derived or synthesised anew, revised official data
 * when a series with release dates has rows published after the chapter, otherwise the reason the
 * chapter records (published.csv's `reason`, a claim's `published.reason`).
 */
import type { Chapter } from "../chapter/define-chapter.ts";
import type { DivergenceReason, Facts } from "../chapter/define-claim.ts";
import type { Claims } from "../claims/evaluate-claims.ts";
import { seriesOf } from "../claims/lineage.ts";
import { traceStatistics } from "../claims/trace-statistics.ts";
import type { Dataset } from "../data/dataset.ts";
import type { PublishedUnit } from "../data/standard-series.ts";
import { roundTo } from "./reproduction-report.ts";

interface DivergenceBase {
  id: string;
  /** The data files it rests on (the chapter's lineage). */
  series: string[];
  /** Undefined when nothing explains it: `check` warns and the note says the reason is not recorded. */
  reason: DivergenceReason | undefined;
  /** Where the reason should be recorded, for the error that asks for it. */
  recordReasonIn: string;
}

export interface FigureDivergence extends DivergenceBase {
  kind: "figure";
  unit: PublishedUnit;
  decimals: number;
  published: number;
  current: number;
}

export interface ClaimDivergence extends DivergenceBase {
  kind: "claim";
  published: { outcome: string; facts: Facts };
  current: { outcome: string; facts: Facts };
}

export type Divergence = FigureDivergence | ClaimDivergence;

/**
 * Why it differs: new data when a series behind it was derived or synthesised anew; otherwise the
 * reason recorded with the published figure or claim; otherwise revised official data when a
 * series with release dates has rows published after the chapter.
 */
function reasonFor(series: readonly string[], dataset: Dataset, recorded: DivergenceReason | undefined): DivergenceReason | undefined {
  if (series.some((s) => ["derived", "synthetic"].includes(dataset.catalog[s]?.provenance ?? ""))) return "new-data";
  if (recorded) return recorded;
  const since = dataset.edition.firstPublished ?? dataset.edition.releaseDate;
  if (series.some((s) => (dataset.vintages[s]?.latest ?? "") > since)) return "revised-official-data";
  return undefined;
}

export function findDivergences(chapter: Chapter, dataset: Dataset, stats: unknown, claims: Claims): Divergence[] {
  const out: Divergence[] = [];
  for (const row of dataset.published) {
    const def = chapter.reproducible?.[row.id];
    if (!def) continue;
    const { result: current, keys } = traceStatistics(stats, (s) => def.compute(s));
    if (Math.abs(roundTo(current, row.decimals) - row.value) < 1e-9) continue;
    const series = seriesOf(keys, chapter.lineage);
    out.push({
      kind: "figure",
      id: row.id,
      series,
      unit: row.unit ?? "count",
      decimals: row.decimals,
      published: row.value,
      current,
      reason: reasonFor(series, dataset, row.reason),
      recordReasonIn: `published.csv:${row.line}: column "reason"`,
    });
  }
  for (const claim of claims.values()) {
    const stated = claim.published;
    if (!stated) continue;
    const outcome = stated.outcome ?? claim.outcome;
    const facts = { ...claim.facts, ...(stated.facts ?? {}) };
    const differs = outcome !== claim.outcome || Object.entries(stated.facts ?? {}).some(([k, v]) => claim.facts[k] !== v);
    if (!differs) continue;
    out.push({
      kind: "claim",
      id: claim.id,
      series: claim.series,
      published: { outcome, facts },
      current: { outcome: claim.outcome, facts: claim.facts },
      reason: reasonFor(claim.series, dataset, stated.reason),
      recordReasonIn: `claim "${claim.id}" (chapter claims): published.reason`,
    });
  }
  return out;
}

/** One line per divergence for `check`, in English. */
export function describeDivergence(d: Divergence): string {
  const why = d.reason ?? "NO REASON GIVEN";
  if (d.kind === "figure") return `${d.id}: published ${d.published}, now ${+roundTo(d.current, Math.max(d.decimals, 0) + 1).toFixed(6)} (${why})`;
  const facts = (f: Facts) => Object.entries(f).filter(([k, v]) => d.current.facts[k] !== d.published.facts[k] && v !== undefined).map(([k, v]) => `${k}=${v}`).join(", ");
  return `${d.id}: published ${d.published.outcome}${facts(d.published.facts) ? ` [${facts(d.published.facts)}]` : ""}, now ${d.current.outcome}${facts(d.current.facts) ? ` [${facts(d.current.facts)}]` : ""} (${why})`;
}

/** Messages for divergences nothing explains. */
export function unexplainedDivergences(divergences: readonly Divergence[]): string[] {
  return divergences.filter((d) => d.reason === undefined).map((d) => `${d.recordReasonIn}: "${d.id}" differs from the published chapter and nothing says why; the note says the reason is not recorded; give one of corrected-arithmetic, revised-official-data, different-sample-cut, new-data`);
}
