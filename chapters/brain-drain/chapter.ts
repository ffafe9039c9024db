/**
 * "Brain Drain, Brain Gain, and the Future of Hong Kong: Evidence from LinkedIn Profiles"
 * (人才得失與香港前景：領英社交資料佐證), Hong Kong Economic Policy Green Paper 2024.
 * Everything greenbook knows about this chapter is declared here; data/ and templates/ beside
 * this file hold the rest.
 */
import { defineChapter } from "../../src/chapter/index.ts";
import { drawOpeningArtwork } from "./artwork.ts";
import { checkChapter } from "./checks.ts";
import { CLAIMS } from "./claims.ts";
import { templateContext, templateHelpers } from "./context.ts";
import { fig1, fig2, fig2Compact, fig3, fig4 } from "./figures/figures.ts";
import { chartCommon } from "./figures/text.ts";
import { REPRODUCIBLE } from "./reproducible.ts";
import { scopeSchema } from "./scope.ts";
import { tables } from "./series.ts";
import { computeStats, type Stats } from "./stats/compute-stats.ts";
import { table1, table2, table3, table4 } from "./tables.ts";

export default defineChapter<Stats, typeof tables>({
  id: "brain-drain",
  languages: ["zh-HK", "en"],
  series: tables,
  scope: scopeSchema,
  check: checkChapter,
  computeStats,
  claims: CLAIMS,
  lineage: {
    flows: ["linkedin-totals"],
    ageFlows: ["age-flows"],
    profile: ["profile"],
    regions: ["region-flows"],
    transitions: ["transitions"],
    cities: ["city-ranks"],
    population: ["population"],
    immigration: ["immigration"],
    nonlocalEmployment: ["nonlocal-employment"],
    rhq: ["rhq"],
    foreignResidents: ["hk-foreign-residents", "mainland-census", "population"],
    mncGrowth: ["mnc-growth"],
  },
  findingSections: ["01-introduction"],
  reproducible: REPRODUCIBLE,
  exhibits: [fig1, fig2, fig3, fig4, table1, table2, table3, table4],
  variants: [fig2Compact],
  chartCommon,
  context: (_dataset, stats) => templateContext(stats),
  helpers: templateHelpers,
  handout: {
    blocks: ["headline", "numbers", "findings", "recommendations", "provenance"],
    listLimits: { numbers: [3, 5], findings: [4, 6], recommendations: [2, 2] },
    numberBlocks: ["numbers"],
    series: ["linkedin-totals", "profile", "region-flows", "population", "immigration"],
    chart: "fig2-compact",
    findings: ["headline", "numbers", "findings"],
  },
  artwork: ({ dataset, stats, lang, fonts }) => drawOpeningArtwork(dataset, stats, lang, fonts),
  summary: (stats) => [`LinkedIn users: ${stats.flows.stayed} stayed, ${stats.flows.joined} joined, ${stats.flows.left} left (net ${stats.flows.net >= 0 ? "+" : ""}${stats.flows.net})`],
});
