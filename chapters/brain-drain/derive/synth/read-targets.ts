/**
 * What `synth` calibrates to: the published tables of a data folder, the chapter's region map
 * (from derive.yaml, so synth and derive agree on which country is which region) and synth.yaml's
 * free choices.
 */
import fs from "node:fs";
import path from "node:path";
import { parse } from "yaml";
import { loadDataset, type Dataset } from "../../../../src/data/load-dataset.ts";
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
  other_countries: string[];
  blank_country_share: number;
  decoys: { never_in_hk: number; no_pre_position: number; no_location: number };
  mnc: { pre_headcount: number; foreign_countries: string[] };
}

export interface SynthTargets {
  tables: Dataset["tables"];
  /** Region slug → the country value derive maps to it. */
  regionCountry: Map<string, string>;
  home: string;
  choices: SynthChoices;
}

const HERE = path.dirname(new URL(import.meta.url).pathname);

/** Reads the targets from a data folder (validated like `check` does). */
export function readTargets(dataDir: string): SynthTargets {
  const dataset = loadDataset(dataDir);
  const spec = loadDeriveSpec(path.join(HERE, "..", "derive.yaml"));
  const regionMap = spec.parameters.region_map;
  const home = spec.parameters.home_country;
  const regionCountry = new Map<string, string>();
  if (regionMap?.type === "table") for (const row of regionMap.default) regionCountry.set(String(row.region), String(row.country));
  const choices = parse(fs.readFileSync(path.join(HERE, "synth.yaml"), "utf8")) as SynthChoices;
  return { tables: dataset.tables, regionCountry, home: String(home?.default ?? "Hong Kong"), choices };
}
