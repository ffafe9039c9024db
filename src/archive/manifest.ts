import { sha256 } from "../io/hash.ts";
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { z } from "zod";
import { displayPathOf } from "../data/load-dataset.ts";
import { ArchiveError } from "../errors.ts";
import { messages } from "../messages.ts";

const fileEntry = z.strictObject({ path: z.string().min(1), sha256: z.string().regex(/^[0-9a-f]{64}$/), bytes: z.number().int().min(0) });

/** What an archived release is made of, and what made it: the schema every manifest.json is read with. */
export const manifestSchema = z.strictObject({
  /** The archive's version label (the folder name). */
  version: z.string().min(1),
  /** The version the edition metadata gives (stamped on the pages); equal to `version` for every new archive. */
  editionVersion: z.string().min(1),
  /** The build time every output carries (SOURCE_DATE_EPOCH or the release date). */
  buildTime: z.iso.datetime(),
  /** sha256 of the data snapshot (all data files together), as stamped on the pages. */
  dataHash: z.string().regex(/^[0-9a-f]{64}$/),
  /** The date the data were taken as known on (rows with later release dates were left out). */
  asOf: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(),
  tools: z.strictObject({ greenbook: z.string(), node: z.string(), chromium: z.string(), vega: z.string(), vegaLite: z.string(), pagedjs: z.string() }),
  git: z.strictObject({ commit: z.string(), dirty: z.boolean() }).nullable(),
  /** Every input (data and templates) and every output, relative to the version folder's own copies. */
  inputs: z.array(fileEntry),
  outputs: z.array(fileEntry.extend({ pages: z.number().int().min(1).optional() })),
});

export type Manifest = z.output<typeof manifestSchema>;
export type FileEntry = z.output<typeof fileEntry>;

/** Reads and validates `<versionDir>/manifest.json`; a corrupt one is an ArchiveError naming the file. */
export function readManifest(versionDir: string): Manifest {
  const file = path.join(versionDir, "manifest.json");
  const shown = displayPathOf(file);
  let value: unknown;
  try {
    value = JSON.parse(readFileSync(file, "utf8"));
  } catch (err) {
    throw new ArchiveError(messages.badManifest(shown, (err as Error).message), { cause: err });
  }
  const r = manifestSchema.safeParse(value);
  if (!r.success) {
    const issue = r.error.issues[0]!;
    throw new ArchiveError(messages.badManifest(shown, `${issue.path.join(".") || "(document)"}: ${issue.message}`));
  }
  if (r.data.version !== path.basename(versionDir)) throw new ArchiveError(messages.badManifest(shown, `it names version "${r.data.version}", but its folder is ${path.basename(versionDir)}`));
  return r.data;
}

export function sha256File(file: string): string {
  return sha256(readFileSync(file));
}

/** Every file under `dir`, sorted, with its hash; paths relative to `base` with forward slashes. */
export function listFiles(dir: string, base: string): FileEntry[] {
  const out: FileEntry[] = [];
  const walk = (d: string) => {
    for (const name of readdirSync(d).sort()) {
      const full = path.join(d, name);
      const st = statSync(full);
      if (st.isDirectory()) walk(full);
      else out.push({ path: path.relative(base, full).split(path.sep).join("/"), sha256: sha256File(full), bytes: st.size });
    }
  };
  walk(dir);
  return out;
}
