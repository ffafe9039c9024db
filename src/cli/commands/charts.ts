import path from "node:path";
import type { Command } from "../main.ts";
import { LANGUAGES, type Lang } from "../../data/edition.ts";
import { displayPathOf } from "../../data/load-dataset.ts";
import { UsageError } from "../../errors.ts";
import { writeCharts } from "../../charts/write-charts.ts";
import { launchBrowser } from "../../print/launch-browser.ts";

export const charts: Command = {
  summary: "Renders the chapter's figures as SVG and PNG (2×) into <out>/<lang>/charts/, in both languages unless --lang is given.",
  usage: "[--data DIR] [--out DIR] [--lang zh-HK|en]",
  options: { data: { type: "string" }, out: { type: "string" }, lang: { type: "string" } },
  async run({ values, stdout }) {
    const dataDir = path.resolve(String(values.data ?? "data"));
    const outDir = path.resolve(String(values.out ?? "output"));
    const lang = values.lang === undefined ? undefined : String(values.lang);
    if (lang !== undefined && !(LANGUAGES as readonly string[]).includes(lang)) throw new UsageError(`--lang: expected ${LANGUAGES.join(" or ")}, got "${lang}"`);
    const langs: readonly Lang[] = lang === undefined ? LANGUAGES : [lang as Lang];
    const session = await launchBrowser();
    try {
      const written = await writeCharts({ dataDir, outDir, langs, session });
      for (const w of written) stdout(`${displayPathOf(w.svg)}  ${displayPathOf(w.png)}`);
      return 0;
    } finally {
      await session.close();
    }
  },
};
