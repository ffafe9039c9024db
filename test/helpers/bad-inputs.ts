/**
 * The corpus of bad inputs, test/fixtures/bad-inputs/<case>/: each case holds only the data files
 * that differ from the shipped chapters/brain-drain/data/, `expected.txt` with the exact stderr lines, and optionally
 * `case.json` (CaseOptions), `expected-stdout.txt` and `templates-edits.json` (TemplateEdits: text
 * replacements in a copy of the chapter's templates/, kept as edits so the case follows changes to the shipped
 * templates). This module overlays a case onto temp copies and reads what it expects.
 */
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, symlinkSync, truncateSync, writeFileSync } from "node:fs";
import path from "node:path";
import { MAX_DATA_FILE_BYTES } from "../../src/data/decode-text.ts";
import { copyDataBytes, DATA_DIR, makeTempDir, REPO_ROOT } from "./data-copy.ts";

export const BAD_INPUTS_DIR = path.join(REPO_ROOT, "test/fixtures/bad-inputs");
/** The shipped chapter's templates (its prose and wording; the book format stays in templates/ at the root). */
export const TEMPLATES_DIR = path.join(REPO_ROOT, "chapters/brain-drain/templates");

/** What a case needs besides its overlay files (case.json). */
export interface CaseOptions {
  /** The data is good: every command must succeed and print nothing on stderr. Default false. */
  succeeds?: boolean;
  /** In-process commands to run; default check and build (build fails before it needs a browser). */
  commands?: ("check" | "build")[];
  /** Also run `node bin/greenbook.js build` as a subprocess. Default false. */
  subprocess?: boolean;
  /** Data files to delete from the copy. */
  delete?: string[];
  /**
   * A file generated in the test rather than committed: `limit+1` is a valid CSV padded to one
   * byte over MAX_DATA_FILE_BYTES; `sparse-3GiB` is a sparse file of 3 GiB (no disk, no memory).
   */
  generate?: { file: string; bytes: "limit+1" | "sparse-3GiB" };
  /**
   * Data files replaced by what cannot be committed: a named pipe (`fifo`), a folder, or a symbolic
   * link to `target` (absolute, or relative to the data folder).
   */
  special?: { file: string; kind: "fifo" | "folder" | "symlink"; target?: string }[];
}

export interface BadInputCase {
  name: string;
  dir: string;
  options: CaseOptions;
  /** expected.txt: exact stderr lines, with placeholders (see expandPlaceholders). */
  stderr: string[];
  /** expected-stdout.txt: lines that must appear in stdout, in this order. */
  stdout: string[];
}

/** Template file (relative to the chapter's templates/) → replacements, each `find` occurring exactly once. */
export type TemplateEdits = Record<string, { find: string; replace: string }[]>;

const CONTROL_FILES = new Set(["expected.txt", "expected-stdout.txt", "case.json", "templates-edits.json"]);

function readLines(file: string): string[] {
  if (!existsSync(file)) return [];
  return readFileSync(file, "utf8").split("\n").filter((l) => l !== "");
}

/** Every case of the corpus, by name. */
export function listCases(): BadInputCase[] {
  return readdirSync(BAD_INPUTS_DIR)
    .filter((name) => statSync(path.join(BAD_INPUTS_DIR, name)).isDirectory())
    .sort()
    .map((name) => {
      const dir = path.join(BAD_INPUTS_DIR, name);
      const json = path.join(dir, "case.json");
      const options = existsSync(json) ? (JSON.parse(readFileSync(json, "utf8")) as CaseOptions) : {};
      return { name, dir, options, stderr: readLines(path.join(dir, "expected.txt")), stdout: readLines(path.join(dir, "expected-stdout.txt")) };
    });
}

/** The size of a generated file, given its kind. */
export function generatedSize(kind: NonNullable<CaseOptions["generate"]>["bytes"]): number {
  return kind === "limit+1" ? MAX_DATA_FILE_BYTES + 1 : 3 * 1024 ** 3;
}

/**
 * A temp copy of the chapter's data/ with the case's files laid over it (and its deletions and generated file),
 * and the templates folder to use: a temp copy with the case's template edits made, or the shipped
 * one when the case has none (`copiedTemplates` says which).
 */
export function prepareCase(c: BadInputCase): { data: string; templates: string; copiedTemplates: boolean } {
  const own = readdirSync(c.dir).filter((f) => !CONTROL_FILES.has(f));
  const edits: Record<string, () => Buffer | null> = {};
  for (const f of own) {
    if (!existsSync(path.join(DATA_DIR, f))) throw new Error(`bad-inputs/${c.name}/${f}: not a file of data/ (only files that differ from data/ belong here)`);
    edits[f] = () => readFileSync(path.join(c.dir, f));
  }
  for (const f of c.options.delete ?? []) edits[f] = () => null;
  const data = copyDataBytes(edits);
  const gen = c.options.generate;
  if (gen) {
    const file = path.join(data, gen.file);
    if (gen.bytes === "sparse-3GiB") {
      writeFileSync(file, "");
      truncateSync(file, generatedSize(gen.bytes));
    } else {
      // A valid file (the shipped rows, repeated) so that only its size is wrong.
      const shipped = readFileSync(file, "utf8");
      const [header, ...rows] = shipped.trimEnd().split("\n");
      const size = generatedSize(gen.bytes);
      const chunk = Buffer.from(`${rows.join("\n")}\n`);
      writeFileSync(file, Buffer.concat([Buffer.from(`${header}\n`), ...Array<Buffer>(Math.ceil(size / chunk.length)).fill(chunk)]).subarray(0, size));
    }
  }
  for (const sp of c.options.special ?? []) {
    const file = path.join(data, sp.file);
    rmSync(file, { force: true });
    if (sp.kind === "fifo") execFileSync("mkfifo", [file]);
    else if (sp.kind === "folder") mkdirSync(file);
    else symlinkSync(sp.target!, file);
  }
  const editsFile = path.join(c.dir, "templates-edits.json");
  if (!existsSync(editsFile)) return { data, templates: TEMPLATES_DIR, copiedTemplates: false };
  const templates = path.join(makeTempDir("greenbook-templates-"), "templates");
  cpSync(TEMPLATES_DIR, templates, { recursive: true });
  for (const [rel, replacements] of Object.entries(JSON.parse(readFileSync(editsFile, "utf8")) as TemplateEdits)) {
    const target = path.join(templates, rel);
    if (!existsSync(target)) throw new Error(`bad-inputs/${c.name}: templates/${rel} does not exist`);
    let text = readFileSync(target, "utf8");
    for (const { find, replace } of replacements) {
      const at = text.indexOf(find);
      if (at < 0 || text.indexOf(find, at + 1) >= 0) throw new Error(`bad-inputs/${c.name}: templates/${rel} must hold exactly once: ${find.slice(0, 80)}`);
      text = text.slice(0, at) + replace + text.slice(at + find.length);
    }
    writeFileSync(target, text);
  }
  return { data, templates, copiedTemplates: true };
}

/**
 * Replaces the placeholders of expected.txt: `<data>` and `<templates>` (the temp folders, printed
 * as absolute paths because they are outside the working directory), `<cmd>` (the command run),
 * `<size>` (a generated file's size) and `<limit>` (MAX_DATA_FILE_BYTES).
 */
export function expandPlaceholders(lines: string[], values: { data: string; templates: string; cmd: string; size?: number }): string[] {
  return lines.map((l) =>
    l
      .replaceAll("<data>", values.data)
      .replaceAll("<templates>", values.templates)
      .replaceAll("<cmd>", values.cmd)
      .replaceAll("<size>", String(values.size ?? "<size>"))
      .replaceAll("<limit>", String(MAX_DATA_FILE_BYTES)),
  );
}

/** The files of a previous build, with known content, for showing a failed build leaves them alone. */
export const PREVIOUS_OUTPUT: Record<string, string> = {
  "en/chapter.pdf": "previous",
  "en/chapter.html": "<p>previous English chapter</p>",
  "zh-HK/chapter.pdf": "previous",
  "zh-HK/handout.html": "<p>previous handout</p>",
  "notes.txt": "not greenbook's, must survive\n",
};

/** A temp output folder holding PREVIOUS_OUTPUT. */
export function makePreviousOutput(): string {
  const out = makeTempDir("greenbook-out-");
  for (const [rel, content] of Object.entries(PREVIOUS_OUTPUT)) {
    mkdirSync(path.dirname(path.join(out, rel)), { recursive: true });
    writeFileSync(path.join(out, rel), content);
  }
  return out;
}
