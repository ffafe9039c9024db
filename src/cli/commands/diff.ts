import { diffVersions, formatDiff } from "../../archive/diff-versions.ts";
import { UsageError } from "../../errors.ts";
import type { Command } from "../command.ts";
import { resolveConfig, SHARED_OPTIONS } from "../resolve-config.ts";

export const diff: Command = {
  summary: "Shows what changed between two archived versions: data rows, statistics that moved, claims whose outcome flipped (with both wordings), and page counts.",
  usage: "<from-version> <to-version> [--chapter DIR] [--out DIR] [--json]",
  options: { chapter: SHARED_OPTIONS.chapter, out: SHARED_OPTIONS.out, json: { type: "boolean" } },
  async run({ values, positionals, stdout }) {
    const [from, to, ...extra] = positionals;
    if (!from || !to || extra.length) throw new UsageError("expected two archived versions, e.g.  greenbook diff 2024.1 2024.2");
    const { chapter, outDir } = await resolveConfig(values);
    const d = diffVersions(chapter, outDir, from, to);
    if (values.json) stdout(JSON.stringify(d, null, 2));
    else for (const line of formatDiff(d)) stdout(line);
    return 0;
  },
};
