import type { Command } from "../command.ts";
import { displayPathOf } from "../../io/display-path.ts";
import { writeCharts } from "../../charts/write-charts.ts";
import { launchBrowser } from "../../browser/launch-browser.ts";
import { resolveConfig, resolveLang, SHARED_OPTIONS } from "../resolve-config.ts";

export const charts: Command = {
  summary: "Renders the chapter's figures as SVG and PNG (2×) into <out>/<lang>/charts/, in every language of the edition unless --lang is given.",
  usage: "[--chapter DIR] [--data DIR] [--templates DIR] [--out DIR] [--lang LANG]",
  options: { ...SHARED_OPTIONS, lang: { type: "string" } },
  async run({ values, stdout }) {
    const config = await resolveConfig(values);
    const lang = resolveLang(values, config.chapter);
    const session = await launchBrowser();
    try {
      const written = await writeCharts({ ...config, langs: lang === undefined ? undefined : [lang], session });
      for (const w of written) stdout(`${displayPathOf(w.svg)}  ${displayPathOf(w.png)}`);
      return 0;
    } finally {
      await session.close();
    }
  },
};
