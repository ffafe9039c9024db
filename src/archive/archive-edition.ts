/**
 * Archives a release: builds the whole edition into a temporary folder beside the archive,
 * copies the inputs (data and templates) used, as bytes (a symbolic link is copied as the file it
 * points to), adds PDF/A copies when asked, writes a manifest, and publishes the folder as
 * output/archive/<version>/ together with its index entry (publishVersion: all or nothing). The
 * version is the edition's own (data/edition.yaml), the one every page and PDF carries: a
 * different --version is refused before anything is built. An existing version is never touched;
 * two runs at once each build in their own temporary folder, and only one of a given version
 * can be published.
 */
import { randomBytes } from "node:crypto";
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { buildEdition, type BuildOptions } from "../pipeline/build-edition.ts";
import { buildTime } from "../pipeline/build-time.ts";
import { editionPdfMetadata } from "../documents/pdf-metadata.ts";
import { FORMAT_DIR } from "../render/load-templates.ts";
import type { DataFile } from "../data/dataset.ts";
import { loadDataset } from "../data/load-dataset.ts";
import { ArchiveError } from "../errors.ts";
import { onProcessExit } from "../io/exit-cleanup.ts";
import { messages } from "../messages.ts";
import { archiveRoot, checkVersionLabel } from "./archive-layout.ts";
import { publishVersion, readArchive } from "./archive-index.ts";
import { listFiles, type Manifest } from "./manifest.ts";
import { convertToPdfA } from "./pdfa.ts";
import { gitState, greenbookVersion, packageVersion } from "./tool-versions.ts";

export interface ArchiveOptions extends Omit<BuildOptions, "outDir" | "langs" | "documents"> {
  /** The version to archive; default the edition's (data/edition.yaml), which it must equal. */
  version?: string;
  /** The output folder; the archive lives in <outDir>/archive. */
  outDir: string;
  /** Also store a PDF/A-2b copy of every PDF (Ghostscript). */
  pdfa?: boolean;
  /** Cancels the archive (Ctrl-C): nothing is published, the temporary folder is removed. */
  signal?: AbortSignal;
}

export async function archiveEdition(options: ArchiveOptions): Promise<{ dir: string; manifest: Manifest }> {
  // Before the build: the data (and the version it gives), the label, and the manifests already there.
  const dataDir = options.dataDir ?? options.chapter.dataDir;
  const edition = loadDataset(options.chapter, dataDir, { asOf: options.asOf }).edition;
  const version = checkVersionLabel(options.version ?? edition.version);
  const editionFile = path.join(dataDir, "edition.yaml");
  const requireEditionVersion = (given: string) => {
    if (given !== version) throw new ArchiveError(messages.versionMismatch(version, given, path.relative(process.cwd(), editionFile) || editionFile));
  };
  requireEditionVersion(edition.version);
  const root = archiveRoot(options.outDir);
  const final = path.join(root, version);
  if (existsSync(final)) throw new ArchiveError(messages.alreadyArchived(version, final));
  readArchive(root);
  try {
    mkdirSync(root, { recursive: true });
  } catch (err) {
    throw new ArchiveError(messages.outNotAFolder(options.outDir, (err as NodeJS.ErrnoException).code ?? (err as Error).message), { cause: err });
  }
  const tmp = path.join(root, `.tmp-${version}-${process.pid}-${randomBytes(4).toString("hex")}`);
  const unregister = onProcessExit(() => rmSync(tmp, { recursive: true, force: true }));
  try {
    // A fresh build: nothing reused from a cache, so the archive shows the inputs rebuild to these bytes.
    const result = await buildEdition({ ...options, outDir: tmp, cacheDir: false }, { signal: options.signal });
    // edition.yaml may have been edited during the build: what was printed is what counts.
    requireEditionVersion(result.dataset.edition.version);
    const date = buildTime(result.dataset.edition, options.env);
    copyInputs(result.dataset.files, options.templatesDir ?? options.chapter.templatesDir, tmp);

    if (options.pdfa) {
      for (const f of result.files.filter((x) => x.format === "pdf")) {
        options.signal?.throwIfAborted();
        options.log?.(`${f.lang}: PDF/A-2b copy of ${path.basename(f.path)}`);
        await convertToPdfA(f.path, f.path.replace(/\.pdf$/, ".pdfa.pdf"), editionPdfMetadata(result.dataset, f.lang, date));
      }
    }

    const pages = new Map(result.files.map((f) => [path.relative(tmp, f.path).split(path.sep).join("/"), f.pages]));
    const all = listFiles(tmp, tmp);
    const manifest: Manifest = {
      version,
      editionVersion: result.dataset.edition.version,
      buildTime: date.toISOString(),
      dataHash: result.dataset.sha256,
      asOf: result.dataset.asOf,
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
    options.signal?.throwIfAborted();
    return { dir: await publishVersion(root, tmp, manifest), manifest };
  } finally {
    rmSync(tmp, { recursive: true, force: true });
    unregister();
  }
}

/**
 * Copies the inputs into `<dir>/inputs`: each data file's bytes exactly as they were validated and
 * hashed (never re-read from disk), and the template folder as bytes (symbolic links followed),
 * with the book format it was set in when the chapter has none of its own.
 */
export function copyInputs(files: readonly Pick<DataFile, "name" | "bytes">[], templatesDir: string, dir: string): void {
  for (const f of files) {
    const target = path.join(dir, "inputs", "data", f.name);
    mkdirSync(path.dirname(target), { recursive: true });
    writeFileSync(target, f.bytes);
  }
  const archived = path.join(dir, "inputs", "templates");
  cpSync(templatesDir, archived, { recursive: true, dereference: true });
  if (!existsSync(path.join(templatesDir, "layouts"))) {
    for (const part of ["layouts", "partials", "styles"]) cpSync(path.join(FORMAT_DIR, part), path.join(archived, part), { recursive: true, dereference: true });
  }
}
