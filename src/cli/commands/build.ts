import path from "node:path";
import { buildEdition, DOCUMENTS, type DocumentKind } from "../../build/build-edition.ts";
import { LANGUAGES, type Lang } from "../../data/edition.ts";
import { UsageError } from "../../errors.ts";
import { createReporter } from "../../build/progress.ts";
import type { Command } from "../main.ts";

export const build: Command = {
  summary: "Builds the chapter (and handout) in each language as PDF and self-contained HTML into the output folder.",
  usage: "[--data DIR] [--out DIR] [--templates DIR] [--lang zh-HK|en] [--only chapter|handout] [--browser-ws URL] [--quiet | --verbose]",
  options: {
    data: { type: "string" },
    out: { type: "string" },
    templates: { type: "string" },
    lang: { type: "string" },
    only: { type: "string" },
    "browser-ws": { type: "string" },
    quiet: { type: "boolean" },
    verbose: { type: "boolean" },
  },
  async run({ values, stdout }) {
    const lang = values.lang as string | undefined;
    if (lang !== undefined && !(LANGUAGES as readonly string[]).includes(lang)) throw new UsageError(`--lang must be one of ${LANGUAGES.join(", ")}, got "${lang}"`);
    const only = values.only as string | undefined;
    if (only !== undefined && !(DOCUMENTS as readonly string[]).includes(only)) throw new UsageError(`--only must be one of ${DOCUMENTS.join(", ")}, got "${only}"`);
    const quiet = values.quiet === true;
    const result = await buildEdition({
      dataDir: path.resolve(String(values.data ?? "data")),
      templatesDir: path.resolve(String(values.templates ?? "templates")),
      outDir: path.resolve(String(values.out ?? "output")),
      langs: lang ? [lang as Lang] : undefined,
      documents: only ? [only as DocumentKind] : undefined,
      browserWSEndpoint: values["browser-ws"] as string | undefined,
      // On a terminal the reporter redraws its lines in place; elsewhere it prints plain lines.
      reporter: createReporter({ quiet, verbose: values.verbose === true, ...(process.stdout.isTTY && !process.env.CI ? {} : { tty: false, write: (t: string) => stdout(t.replace(/\n$/, "")) }) }),
    });
    if (!quiet) for (const f of result.files) stdout(`  ${path.relative(process.cwd(), f.path)}  ${(f.bytes / 1024).toFixed(0)} KiB${f.pages ? `, ${f.pages} page${f.pages === 1 ? "" : "s"}` : ""}`);
    return 0;
  },
};
