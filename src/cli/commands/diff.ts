import path from "node:path";
import { diffVersions, formatDiff } from "../../archive/diff-versions.ts";
import { UsageError } from "../../errors.ts";
import type { Command } from "../main.ts";

export const diff: Command = {
  summary: "Shows what changed between two archived versions: data rows, statistics that moved, claims whose outcome flipped (with both wordings), and page counts.",
  usage: "<from-version> <to-version> [--out DIR] [--json]",
  options: { out: { type: "string" }, json: { type: "boolean" } },
  async run({ values, positionals, stdout }) {
    const [from, to, ...extra] = positionals;
    if (!from || !to || extra.length) throw new UsageError("expected two archived versions, e.g.  greenbook diff 2024.1 2024.2");
    const d = diffVersions(path.resolve(String(values.out ?? "output")), from, to);
    if (values.json) stdout(JSON.stringify(d, null, 2));
    else for (const line of formatDiff(d)) stdout(line);
    return 0;
  },
};
