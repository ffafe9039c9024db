/** The chapter's figures, each declared once: its series, its wording's schema, its spec and its description. */
import { defineFigure } from "../../../src/chapter/index.ts";
import type { Stats } from "../stats/compute-stats.ts";
import { describeAgeFlows, describeMncGrowth, describePopulation, describeRhq } from "./describe-charts.ts";
import { figure1AgeFlows } from "./figure1-age-flows.ts";
import { figure2Population, figure2PopulationCompact } from "./figure2-population.ts";
import { figure3MncGrowth } from "./figure3-mnc-growth.ts";
import { figure4Rhq } from "./figure4-rhq.ts";
import { fig1Text, fig2Text, fig3Text, fig4Text, type ChartText } from "./text.ts";

export const fig1 = defineFigure<Stats, ChartText>({
  id: "fig1",
  series: "age-flows",
  text: fig1Text,
  spec: figure1AgeFlows,
  describe: (stats, text, lang) => describeAgeFlows(stats, text, lang, ["all", "top3"]),
});

export const fig2 = defineFigure<Stats, ChartText>({ id: "fig2", series: "population", text: fig2Text, spec: figure2Population, describe: describePopulation });

export const fig3 = defineFigure<Stats, ChartText>({ id: "fig3", series: "mnc-growth", text: fig3Text, spec: figure3MncGrowth, describe: describeMncGrowth });

export const fig4 = defineFigure<Stats, ChartText>({ id: "fig4", series: "rhq", text: fig4Text, spec: figure4Rhq, describe: describeRhq });


/** Figure 2 drawn small for the handout: official estimates, so a press sheet may show it. */
export const fig2Compact = defineFigure<Stats, ChartText>({ id: "fig2-compact", series: "population", spec: figure2PopulationCompact, describe: describePopulation });
