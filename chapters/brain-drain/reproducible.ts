/**
 * The statistics the published chapter prints, recomputed from the data. data/published.csv
 * records each printed figure once (value and precision as printed); this registry says how to
 * recompute it, in the unit it was printed in.
 */
import type { ReproducibleValue as EngineReproducibleValue } from "../../src/chapter/index.ts";
import type { Stats } from "./stats/compute-stats.ts";

type ReproducibleValue = EngineReproducibleValue<Stats>;

const pct = (f: number) => f * 100;
const rhq = (s: Stats, p: string) => s.rhq.byParent.find((b) => b.parent === p)?.growth ?? Number.NaN;
const table3 = (s: Stats, t: "stayed" | "joined" | "left") => s.transitions.byTransition[t].count;

export const REPRODUCIBLE: Record<string, ReproducibleValue> = {
  "linkedin-stayed": { description: "LinkedIn users who stayed", compute: (s) => s.flows.stayed },
  "linkedin-joined": { description: "LinkedIn users who joined", compute: (s) => s.flows.joined },
  "linkedin-left": { description: "LinkedIn users who left", compute: (s) => s.flows.left },
  "table3-stayed-total": { description: "Stayers in Table 3's rows, against the text's total", compute: (s) => table3(s, "stayed") },
  "table3-joined-total": { description: "Joiners in Table 3's rows, against the text's total", compute: (s) => table3(s, "joined") },
  "table3-left-total": { description: "Leavers in Table 3's rows, against the text's total", compute: (s) => table3(s, "left") },
  "non-asian-ratio": { description: "Non-Asian share of joiners relative to leavers", compute: (s) => s.profile.nonAsian.ratio },
  "population-peak": { description: "Pre-pandemic population peak (millions)", compute: (s) => s.population.peak.value / 1e6 },
  "population-trough": { description: "Population trough (millions)", compute: (s) => s.population.trough.value / 1e6 },
  "population-latest": { description: "Latest population in the chapter's scope (millions)", compute: (s) => s.population.latest.value / 1e6 },
  "work-visas-2022": { description: "Work visas issued, earlier period", compute: (s) => s.immigration.workVisas.before.count },
  "work-visas-2023": { description: "Work visas issued, latest period", compute: (s) => s.immigration.workVisas.after.count },
  "ttps-arrivals": { description: "Top Talent Pass Scheme arrivals", compute: (s) => s.immigration.ttps.count },
  "ttps-mainland-share": { description: "Top Talent Pass Scheme arrivals from the Mainland (%)", compute: (s) => pct(s.immigration.ttps.mainlandShare ?? Number.NaN) },
  "qmas-2023h1": { description: "Quality Migrant Admission Scheme approvals, latest period", compute: (s) => s.immigration.qmas.after.count },
  "qmas-2023h1-mainland-share": { description: "QMAS approvals from the Mainland, latest period (%)", compute: (s) => pct(s.immigration.qmas.after.mainlandShare ?? Number.NaN) },
  "qmas-2022": { description: "Quality Migrant Admission Scheme approvals, earlier period", compute: (s) => s.immigration.qmas.before.count },
  "nonlocal-employment-2018": { description: "Employed persons in non-local companies, first year (%)", compute: (s) => pct(s.nonlocalEmployment.from.share) },
  "nonlocal-employment-2022": { description: "Employed persons in non-local companies, last year (%)", compute: (s) => pct(s.nonlocalEmployment.to.share) },
  "rhq-us-change": { description: "Change in US regional headquarters (%)", compute: (s) => pct(rhq(s, "us")) },
  "rhq-japan-change": { description: "Change in Japanese regional headquarters (%)", compute: (s) => pct(rhq(s, "japan")) },
  "rhq-mainland-change": { description: "Change in Mainland regional headquarters (%)", compute: (s) => pct(rhq(s, "mainland")) },
  "hk-foreign-2011": { description: "Foreign residents of Hong Kong, first census", compute: (s) => s.foreignResidents.hk.from.value },
  "hk-foreign-2021": { description: "Foreign residents of Hong Kong, last census", compute: (s) => s.foreignResidents.hk.to.value },
  "hk-foreign-excl-helpers-2011": { description: "Foreign residents excluding domestic helpers, first census", compute: (s) => s.foreignResidents.hkExcludingHelpers.from.value },
  "hk-foreign-excl-helpers-2021": { description: "Foreign residents excluding domestic helpers, last census", compute: (s) => s.foreignResidents.hkExcludingHelpers.to.value },
  "beijing-foreign-2010": { description: "Foreign and HK/Macao/Taiwan residents of Beijing, first census", compute: (s) => s.foreignResidents.beijing.from.value },
  "beijing-foreign-2020": { description: "Foreign and HK/Macao/Taiwan residents of Beijing, last census", compute: (s) => s.foreignResidents.beijing.to.value },
  "beijing-foreign-change": { description: "Change in Beijing's foreign and HK/Macao/Taiwan residents (%)", compute: (s) => pct(s.foreignResidents.beijing.growth) },
  "shanghai-foreign-2010": { description: "Foreign and HK/Macao/Taiwan residents of Shanghai, first census", compute: (s) => s.foreignResidents.shanghai.from.value },
  "shanghai-foreign-2020": { description: "Foreign and HK/Macao/Taiwan residents of Shanghai, last census", compute: (s) => s.foreignResidents.shanghai.to.value },
  "shanghai-foreign-change": { description: "Change in Shanghai's foreign and HK/Macao/Taiwan residents (%)", compute: (s) => pct(s.foreignResidents.shanghai.growth) },
  "mainland-foreign-2020": { description: "Foreigners in the Mainland", compute: (s) => s.foreignResidents.mainlandForeign.value },
  "hk-share-of-mainland-foreign": { description: "Hong Kong's foreign residents as a share of the Mainland's (%)", compute: (s) => pct(s.foreignResidents.hkShareOfMainlandForeign) },
  "hk-share-of-mainland-population": { description: "Hong Kong's population as a share of the Mainland's (%)", compute: (s) => pct(s.foreignResidents.hkShareOfMainlandPopulation) },
};
