import path from "node:path";
import { DEFAULT_CHAPTER_DIR } from "../../chapter/load-chapter.ts";
import { pathToFileURL } from "node:url";
import { UsageError } from "../../errors.ts";
import type { Command } from "../command.ts";

/** A chapter's generator (`--chapter`, default the shipped chapter), loaded at run time: src never imports a chapter statically. */
const defaultGenerator = (chapter: unknown) => path.join(String(chapter ?? DEFAULT_CHAPTER_DIR), "derive", "synth", "generate.ts");

interface Generator {
  generatePanel(options: { seed: number; outDir: string; targetsDir: string; signal?: AbortSignal }): Promise<{ files: string[]; rows: Record<string, number> }>;
}

export const synth: Command = {
  summary:
    "Writes a seeded synthetic panel extract (Revelio-shaped Parquet plus a THE-rank file) whose derived tables reproduce the published LinkedIn tables of --targets; the same seed gives the same bytes. `greenbook derive --panel DIR` then marks the series synthetic.",
  cancellable: true,
  usage: "--seed N --out DIR [--targets DIR] [--generator FILE]",
  options: { seed: { type: "string" }, out: { type: "string" }, targets: { type: "string" }, generator: { type: "string" }, chapter: { type: "string" } },
  async run({ values, stdout, signal }) {
    const seed = Number(values.seed);
    if (values.seed === undefined || !Number.isInteger(seed) || seed < 0 || seed > 0xffffffff) throw new UsageError(`--seed must be a whole number from 0 to 4294967295, got "${String(values.seed ?? "")}"`);
    if (values.out === undefined) throw new UsageError("--out DIR is required");
    const generator = (await import(pathToFileURL(path.resolve(String(values.generator ?? defaultGenerator(values.chapter)))).href)) as Generator;
    const report = await generator.generatePanel({ seed, outDir: path.resolve(String(values.out)), targetsDir: path.resolve(String(values.targets ?? path.join(String(values.chapter ?? DEFAULT_CHAPTER_DIR), "data"))), signal });
    for (const [table, n] of Object.entries(report.rows)) stdout(`  ${table}: ${n.toLocaleString("en")} rows`);
    stdout(`wrote ${report.files.map((f) => path.relative(process.cwd(), f)).join(", ")}`);
    return 0;
  },
};
