import path from "node:path";
import type { Command } from "../main.ts";
import { loadDataset } from "../../data/load-dataset.ts";
import { computeStats } from "../../stats/compute-stats.ts";
import { summarizeDataset } from "../summarize-dataset.ts";

export const check: Command = {
  summary: "Loads and validates the data folder, computes every statistic, and prints a summary. Exits non-zero on any problem.",
  usage: "[--data DIR] [--json]",
  options: { data: { type: "string" }, json: { type: "boolean" } },
  async run({ values, stdout }) {
    const dataDir = path.resolve(String(values.data ?? "data"));
    const dataset = loadDataset(dataDir);
    const stats = computeStats(dataset);
    const summary = summarizeDataset(dataset, stats);
    if (values.json) stdout(JSON.stringify(summary.json, null, 2));
    else for (const line of summary.lines) stdout(line);
    return 0;
  },
};
