/**
 * What `synth` calibrates to: the published tables of a data folder, the chapter's region map
 * (from derive.yaml, so synth and derive agree on which country is which region) and synth.yaml's
 * free choices.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { resolveChapter } from "../../../../src/chapter/load-chapter.ts";
import { loadDataset } from "../../../../src/data/load-dataset.ts";
import definition from "../../chapter.ts";
import type { TableRows } from "../../series.ts";
import { loadDeriveSpec } from "../../../../src/derive/spec.ts";

export interface Table1Choice {
  level?: "bachelor" | "master" | "mba" | "phd";
  joiner_n?: number;
  leaver_n?: number;
  min?: number;
  max?: number;
  sd_ratio: number;
}

export interface SynthChoices {
  table1: Record<string, Table1Choice>;
  stayer_salary: { min: number; max: number };
  /** Figure 1's top3 persons earn more than this, everyone else in the salary population at most this. */
  salary_cut: number;
  other_countries: string[];
  blank_country_share: number;
  /** Users the sample rules must drop; never_in_hk ones end up in decoy_country (outside Table 4's cities). */
  decoys: { never_in_hk: number; no_pre_position: number; no_location: number; decoy_country: string };
  /** How many decoys hold a salaried job (at most the cut), so the top deciles hold exactly Figure 1's top3 total. */
  salaryPadding: number;
  mnc: { pre_headcount: number; foreign_countries: string[] };
  /** Table 4: users per city are round(published × scale); the ranks are the published ones. */
  cities: { scale: number };
}

export type CityRow = TableRows["cityRanks"][number];

/** One of derive.yaml's Table 4 cities (its city_map parameter). */
export interface CityMapEntry {
  ord: number;
  city: string;
  field: "country" | "metro_area" | "city";
  value: string;
}

export interface SynthTargets {
  tables: TableRows;
  /** Region slug → the country value derive maps to it. */
  regionCountry: Map<string, string>;
  home: string;
  /** derive's post_date (the date whose jobs place Table 4's users). */
  postDate: string;
  /** derive's Table 4 cities. */
  cityMap: CityMapEntry[];
  choices: SynthChoices;
}

const HERE = path.dirname(new URL(import.meta.url).pathname);

/** Reads the targets from a data folder (validated like `check` does). */
export function readTargets(dataDir: string): SynthTargets {
  const dataset = loadDataset(resolveChapter(definition as never, path.join(HERE, "..", "..")), dataDir);
  const tables = dataset.tables as unknown as TableRows;
  const spec = loadDeriveSpec(path.join(HERE, "..", "derive.yaml"));
  const regionMap = spec.parameters.region_map;
  const home = spec.parameters.home_country;
  const regionCountry = new Map<string, string>();
  if (regionMap?.type === "table") for (const row of regionMap.default) regionCountry.set(String(row.region), String(row.country));
  const choices = parse(fs.readFileSync(path.join(HERE, "synth.yaml"), "utf8")) as SynthChoices;
  const topDeciles = Number(spec.parameters.top_deciles?.default ?? 3);
  const top3 = tables.ageFlows.filter((r) => r.cohort === "top3").reduce((s, r) => s + r.joined + r.left + r.stayed, 0);
  const sample = tables.linkedinTotals.reduce((s, r) => s + r.count, 0);
  choices.salaryPadding = Math.max(0, salaryPopulation(top3, topDeciles) - sample);
  const cityMap = spec.parameters.city_map?.type === "table" ? (spec.parameters.city_map.default as unknown as CityMapEntry[]) : [];
  const postDate = String(spec.parameters.post_date?.default ?? "2023-06-01");
  return { tables, regionCountry, home: String(home?.default ?? "Hong Kong"), postDate, cityMap, choices };
}

/** The smallest salary population whose top `deciles` (percentile_disc cut, strictly above) hold exactly `top` persons. */
export function salaryPopulation(top: number, deciles: number): number {
  for (let n = top; ; n++) if (n - Math.ceil(((10 - deciles) * n) / 10) === top) return n;
}
