import path from "node:path";
import { buildEdition, DOCUMENTS, type DocumentKind } from "../../pipeline/build-edition.ts";
import { UsageError } from "../../errors.ts";
import { resolveConfig, resolveLang, SHARED_OPTIONS } from "../resolve-config.ts";
import { createReporter } from "../../pipeline/progress.ts";
import type { Command } from "../command.ts";

export const build: Command = {
  summary: "Builds the chapter (and handout) in each language as PDF and self-contained HTML into the output folder.",
  usage: "[--chapter DIR] [--data DIR] [--out DIR] [--templates DIR] [--as-of DATE] [--lang LANG] [--only chapter|handout] [--browser-ws URL] [--quiet | --verbose]",
  options: {
    ...SHARED_OPTIONS,
    lang: { type: "string" },
    only: { type: "string" },
    "browser-ws": { type: "string" },
    quiet: { type: "boolean" },
    verbose: { type: "boolean" },
  },
  cancellable: true,
  async run({ values, stdout, signal }) {
    const config = await resolveConfig(values);
    const lang = resolveLang(values, config.chapter);
    const only = values.only as string | undefined;
    if (only !== undefined && !(DOCUMENTS as readonly string[]).includes(only)) throw new UsageError(`--only must be one of ${DOCUMENTS.join(", ")}, got "${only}"`);
    const quiet = values.quiet === true;
    const result = await buildEdition({
      ...config,
      langs: lang ? [lang] : undefined,
      documents: only ? [only as DocumentKind] : undefined,
      browserWSEndpoint: values["browser-ws"] as string | undefined,
      // On a terminal the reporter redraws its lines in place; elsewhere it prints plain lines.
      reporter: createReporter({ quiet, verbose: values.verbose === true, ...(process.stdout.isTTY && !process.env.CI ? {} : { tty: false, write: (t: string) => stdout(t.replace(/\n$/, "")) }) }),
    }, { signal });
    if (!quiet) for (const f of result.files) stdout(`  ${path.relative(process.cwd(), f.path)}  ${(f.bytes / 1024).toFixed(0)} KiB${f.pages ? `, ${f.pages} page${f.pages === 1 ? "" : "s"}` : ""}`);
    return 0;
  },
};
