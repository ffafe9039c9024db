import path from "node:path";
import { archiveEdition } from "../../archive/archive-edition.ts";
import type { Command } from "../command.ts";
import { resolveConfig, SHARED_OPTIONS } from "../resolve-config.ts";

export const archive: Command = {
  summary:
    "Builds the whole edition and stores it, immutable, in <out>/archive/<version>/: every PDF and HTML, the data and templates used, and manifest.json (hashes of every input and output, tool versions, git commit, build time). Updates <out>/archive/index.json and index.html. An existing version is never overwritten. The version is the one the chapter's edition.yaml gives (printed on every page); --version, if given, must equal it.",
  usage: "[--version V] [--chapter DIR] [--data DIR] [--out DIR] [--templates DIR] [--as-of DATE] [--pdfa] [--browser-ws URL] [--quiet]",
  options: {
    version: { type: "string" },
    ...SHARED_OPTIONS,
    pdfa: { type: "boolean" },
    "browser-ws": { type: "string" },
    quiet: { type: "boolean" },
  },
  cancellable: true,
  async run({ values, stdout, signal }) {
    const log = values.quiet ? undefined : (line: string) => stdout(line);
    const { dir, manifest } = await archiveEdition({
      version: values.version as string | undefined,
      ...(await resolveConfig(values)),
      pdfa: values.pdfa === true,
      browserWSEndpoint: values["browser-ws"] as string | undefined,
      log,
      signal,
    });
    stdout(`archived ${manifest.version} in ${path.relative(process.cwd(), dir) || dir} (${manifest.outputs.length} files, data ${manifest.dataHash.slice(0, 12)})`);
    return 0;
  },
};
