/**
 * Archives a release: builds the whole edition into a temporary folder beside the archive,
 * copies the inputs (data and templates) used, adds PDF/A copies when asked, writes a manifest,
 * and renames the folder to output/archive/<version>/ in one step. An existing version is never
 * touched; two runs at once each build in their own temporary folder, only one rename of a given
 * version can succeed, and the index is rebuilt under a lock.
 */
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { FORMAT_DIR } from "../render/load-templates.ts";
import path from "node:path";
import { buildEdition, type BuildOptions } from "../pipeline/build-edition.ts";
import { ArchiveError } from "../errors.ts";
import { buildTime } from "../pipeline/build-time.ts";
import { archiveRoot, checkVersionLabel } from "./archive-layout.ts";
import { withIndexLock, writeIndex } from "./archive-index.ts";
import { listFiles, type Manifest } from "./manifest.ts";
import { convertToPdfA } from "./pdfa.ts";
import { editionPdfMetadata } from "../documents/pdf-metadata.ts";
import { gitState, greenbookVersion, packageVersion } from "./tool-versions.ts";

export interface ArchiveOptions extends Omit<BuildOptions, "outDir" | "langs" | "documents"> {
  version: string;
  /** The output folder; the archive lives in <outDir>/archive. */
  outDir: string;
  /** Also store a PDF/A-2b copy of every PDF (Ghostscript). */
  pdfa?: boolean;
}

export async function archiveEdition(options: ArchiveOptions): Promise<{ dir: string; manifest: Manifest }> {
  const version = checkVersionLabel(options.version);
  const root = archiveRoot(options.outDir);
  const final = path.join(root, version);
  const refuse = () => new ArchiveError(`version ${version} is already archived in ${final}; archived versions are never overwritten — archive under a new version`);
  if (existsSync(final)) throw refuse();
  mkdirSync(root, { recursive: true });
  const tmp = path.join(root, `.tmp-${version}-${process.pid}-${randomBytes(4).toString("hex")}`);
  try {
    // A fresh build: nothing reused from a cache, so the archive shows the inputs rebuild to these bytes.
    const result = await buildEdition({ ...options, outDir: tmp, cacheDir: false });
    const edition = result.dataset.edition;
    const date = buildTime(edition, options.env);
    // The inputs exactly as used: the data files' bytes as validated and hashed, and the templates
    // (with the book format they were set in, when the chapter has none of its own).
    for (const f of result.dataset.files) {
      const target = path.join(tmp, "inputs", "data", f.name);
      mkdirSync(path.dirname(target), { recursive: true });
      writeFileSync(target, f.bytes);
    }
    const templatesDir = options.templatesDir ?? options.chapter.templatesDir;
    const archivedTemplates = path.join(tmp, "inputs", "templates");
    cpSync(templatesDir, archivedTemplates, { recursive: true });
    if (!existsSync(path.join(templatesDir, "layouts"))) {
      for (const part of ["layouts", "partials", "styles"]) cpSync(path.join(FORMAT_DIR, part), path.join(archivedTemplates, part), { recursive: true });
    }

    if (options.pdfa) {
      for (const f of result.files.filter((x) => x.format === "pdf")) {
        const lang = f.lang;
        options.log?.(`${lang}: PDF/A-2b copy of ${path.basename(f.path)}`);
        await convertToPdfA(f.path, f.path.replace(/\.pdf$/, ".pdfa.pdf"), editionPdfMetadata(result.dataset, lang, date));
      }
    }

    const pages = new Map(result.files.map((f) => [path.relative(tmp, f.path).split(path.sep).join("/"), f.pages]));
    const all = listFiles(tmp, tmp);
    const manifest: Manifest = {
      version,
      editionVersion: edition.version,
      buildTime: date.toISOString(),
      dataHash: result.dataset.sha256,
      tools: {
        greenbook: greenbookVersion(),
        node: process.version,
        chromium: result.browserVersion,
        vega: packageVersion("vega"),
        vegaLite: packageVersion("vega-lite"),
        pagedjs: packageVersion("pagedjs"),
      },
      git: gitState(process.cwd()),
      inputs: all.filter((f) => f.path.startsWith("inputs/")),
      outputs: all.filter((f) => !f.path.startsWith("inputs/")).map((f) => ({ ...f, ...(pages.get(f.path) ? { pages: pages.get(f.path) } : {}) })),
    };
    writeFileSync(path.join(tmp, "manifest.json"), `${JSON.stringify(manifest, null, 2)}\n`);

    try {
      renameSync(tmp, final);
    } catch (err) {
      const code = (err as NodeJS.ErrnoException).code;
      if (code === "ENOTEMPTY" || code === "EEXIST") throw refuse();
      throw err;
    }
    await withIndexLock(root, () => writeIndex(root));
    return { dir: final, manifest };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }
}
