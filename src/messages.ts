/**
 * Every message greenbook shows a user about bad input, in one place so tests can assert
 * against it and wording stays consistent.
 */
import { escapeControls } from "./escape-controls.ts";

/** Input quoted in a message: shortened, and with control and bidi characters written as \u{…}. */
export const show = (v: unknown): string => {
  if (v === undefined) return "nothing";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  const chars = [...s];
  return `"${escapeControls(chars.length > 60 ? `${chars.slice(0, 57).join("")}…` : s)}"`;
};

export const messages = {
  // Encoding and file level
  utf16: (file: string) => `the file is encoded as UTF-16; save ${file} as UTF-8 (with or without BOM)`,
  notUtf8: () => "the file is not valid UTF-8 (Big5 or another legacy encoding?); save it as UTF-8",
  binary: () => "the file contains NUL bytes; it is not a text CSV file",
  tooLarge: (bytes: number, limit: number, what = "a data file") => `the file is ${bytes} bytes, over the ${limit}-byte limit for ${what}`,
  missingFile: () => "the file is missing",
  tooLargeRead: (limit: number, what = "a data file") => `the file is over the ${limit}-byte limit for ${what} (read that much and stopped)`,
  notRegularFile: (kind: string, content = "the data") => `expected an ordinary file, got ${kind}; put ${content} in a regular file`,
  linkOutside: (target: string) => `the file is a symbolic link to ${show(target)}, outside the data folder; copy the file into the data folder instead`,
  unreadable: (reason: string) => `the file cannot be read: ${reason}`,
  emptyFile: () => "the file is empty; expected a header line and at least one row",
  headerOnly: () => "the file has a header but no rows",
  csvSyntax: (detail: string) => `not valid CSV: ${detail}`,
  // Header
  missingColumn: () => "missing from the header",
  misspelledColumn: (found: string) => `missing from the header (found "${found}": misspelled?)`,
  unknownColumn: (expected: readonly string[]) => `not a column of this file; expected ${expected.join(", ")}`,
  duplicateColumn: () => "appears twice in the header",
  cellCount: (expected: number, got: number) => `expected ${expected} cells, got ${got}`,
  /** A row with too many cells because a number was written with unquoted thousands separators. */
  cellCountThousands: (expected: number, got: number, written: string) =>
    `expected ${expected} cells, got ${got}: "${written}" looks like a number with thousands separators; write it without commas (${written.replace(/,/g, "")})`,
  csvUnclosedQuote: () => "not valid CSV: a quoted cell opens on this line and is never closed",
  // Cells and rows
  gotValue: (expected: string, raw: string) => `expected ${expected}, got ${show(raw)}`,
  /** A character none of the embedded fonts has (it would print from a system font, or as a box). */
  undrawable: (char: string, position: number) =>
    `characters the embedded fonts can draw (found "${char}" U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")} at character ${position}, which none of them has)`,
  /** A character of a template (or other chapter text) that no font of a language's pages has. */
  cannotDraw: (where: string, char: string, lang: string, families: readonly string[]) =>
    `${where}: character "${char}" (U+${char.codePointAt(0)!.toString(16).toUpperCase().padStart(4, "0")}) cannot be drawn by the embedded fonts (the ${lang} pages are set in ${families.join(", ")}, and none of them has it); remove it or write it with characters they have`,
  /** A control, bidi or invisible format character in template text (it would reorder or hide what the page shows). */
  controlInTemplate: (where: string, found: string) => `${where}: ${found} is not allowed in template text: it reorders, hides or breaks what the page shows; remove it`,
  /** Text with a line break, a bidi control, a terminal escape or another control character in it. */
  notPlainText: (found: string, position: number) => `plain text on one line (found ${found} at character ${position})`,
  /** What a numeric cell expects, when its text is a number with thousands separators. */
  withoutSeparators: (expected: string) => `${expected}, written without thousands separators`,
  moreProblems: (n: number) => `${n} more problem${n === 1 ? "" : "s"} in this file not listed; fix the ones above and check again`,
  duplicateKey: (key: string, earlier: number) => `duplicate key "${key}" (first on line ${earlier})`,
  // YAML
  yamlSyntax: (detail: string) => `not valid YAML: ${detail}`,
  yamlField: (expected: string, got: unknown) => `${expected}, got ${got === null ? "an empty value" : show(got)}`,
  yamlMissing: () => "missing",
  yamlMisspelled: (found: string) => `missing (found "${found}": misspelled?)`,
  yamlUnknownField: (expected: readonly string[]) => (expected.length ? `not a field here; expected ${expected.join(", ")}` : "not a field here"),
  marginsTooWide: (which: string, size: string, pageMm: number, leftMm: number, minMm: number) =>
    `expected margins that leave a text area of at least ${minMm} mm; ${which} leave ${+leftMm.toFixed(1)} mm of the ${+pageMm.toFixed(1)} mm ${size} page`,
  // Consistency
  sumMismatch: (what: string, sum: number, total: number, totalWhere: string) =>
    `${what} add up to ${sum}, but ${totalWhere} gives ${total}`,
  subsetExceeds: (column: string, value: number, whole: number, wholeWhere: string) =>
    `${column} ${value} exceeds the ${whole} of ${wholeWhere}`,
  missingLabel: (key: string, labelsFile: string) => `no label "${key}" in ${labelsFile}`,
  rankOutOfRange: (rank: number, n: number) => `expected a rank from 1 to ${n}, got "${rank}"`,
  rankGap: (column: string, missing: number[]) => `ranks in column "${column}" skip ${missing.join(", ")} without a tie to explain it`,
  dateNotPeriod: (date: string, period: string) => `expected the date of ${period}, got "${date}"`,
  periodOrder: () => "expected period_end on or after period_start",
  binGap: (prevMax: string, min: string) => `expected this bin to start where the previous one ends (${prevMax}), got "${min}"`,
  binOrder: () => "expected growth_min below growth_max",
  openBin: (which: "first" | "last") => `expected the ${which} bin to be open (empty ${which === "first" ? "growth_min" : "growth_max"})`,
  requiredRow: (what: string) => `expected a row for ${what}`,
  // Chapters and languages
  noChapterFolder: (dir: string) => `${dir}: no chapter folder there (a chapter folder holds chapter.ts, data/ and templates/)`,
  noChapterFile: (file: string) => `${file}: the chapter folder has no chapter.ts (its default export is defineChapter({ … }))`,
  chapterNotLoaded: (file: string, why: string) => `${file}: cannot load the chapter: ${why}`,
  chapterNoDefault: (file: string) => `${file}: expected a default export made with defineChapter({ … })`,
  duplicateExhibit: (file: string, id: string) => `${file}: two figures or tables have the id "${id}"`,
  handoutChartUnknown: (file: string, id: string) => `${file}: the handout's chart "${id}" is not a figure of the chapter`,
  unknownLanguage: (lang: string, known: readonly string[]) => `unknown language "${lang}": greenbook has locales for ${known.join(", ")} (a chapter can add one with defineLocale)`,
  localeTwice: (lang: string) => `language "${lang}" is defined twice: a chapter's locale cannot replace greenbook's`,
  editionNotIn: (lang: string, langs: readonly string[]) => `the edition is not written in "${lang}" (its languages: ${langs.join(", ")})`,
  langOption: (langs: readonly string[], got: string) => `--lang must be one of ${langs.join(", ")}, got "${got}"`,
  languageNotWritten: (lang: string, langs: readonly string[]) => `the chapter has no templates in "${lang}" (it is written in ${langs.join(", ")})`,
  requiredRowMissing: (what: string) => `required row ${what} is missing`,
  requiredRowsTooFew: (what: string, need: number, found: number) => `expected at least ${need} rows ${what}, found ${found}`,
  noCatalogEntry: (name: string, file: string) => `no entry "${name}" describing ${file}`,
  unknownCatalogEntry: (name: string) => `entry "${name}" names no data file greenbook reads`,
  unknownPublishedId: (id: string) => `"${id}" is not a statistic greenbook can recompute (see src/reproduce/published-values.ts)`,
  illustrationMissing: (file: string) => `the illustration file "${file}" does not exist in the data folder`,
  illustrationOutside: (file: string) => `the illustration file "${file}" is outside the data folder; put the image in the data folder and give its path from there`,
  illustrationNotFile: (file: string) => `the illustration "${file}" is not a file`,
  illustrationType: (file: string, types: readonly string[]) => `the illustration file "${file}" is not an image greenbook can print; expected ${types.join(", ")}`,
  // Locks and output folder
  lockNotAFile: (lock: string, what: string) => `${lock} is ${what}, not a lock file greenbook wrote; remove it if no greenbook run is active`,
  lockTimeout: (holder: string, owner: string, guards: string, seconds: number, lock: string) =>
    `${holder} (${owner}) is writing to ${guards}; gave up waiting after ${seconds} s. If it is not running, remove ${lock}.`,
  lockCannotCreate: (lock: string, reason: string) => `cannot create ${lock}: ${reason}`,
  /** A template folder (chapter/, handout/) that cannot be listed: a file where a folder belongs, or no permission. */
  notAFolder: (reason: string) => `expected a folder of templates, but it cannot be listed (${reason})`,
  outNotAFolder: (outDir: string, code: string) =>
    `--out ${outDir} is not a folder greenbook can write to (${code === "EEXIST" || code === "ENOTDIR" ? "it, or a folder above it, is a file" : code})`,
  // Signals and watch
  interrupted: (signal: string) => `stopped by ${signal}; nothing was written: the files are as they were before this run`,
  watchError: (reason: string) => `warning: watching for changes failed (${reason}); saved changes may go unnoticed until the next rebuild`,
  watchFolderReplaced: (dir: string) => `${dir} was replaced; watching the new folder`,
  // Archive
  versionLabel: (v: string) => `--version ${show(v)} is not a valid version label: use letters, digits, dots, dashes and underscores, at most 64, starting with a letter or digit (e.g. 2024.1)`,
  versionReserved: (v: string) => `--version ${show(v)} is reserved: the archive's index files are named index.*; choose another label (e.g. 2024.1)`,
  versionMismatch: (v: string, editionVersion: string, file: string) =>
    `--version ${show(v)} differs from the version ${show(editionVersion)} in ${file}, which every page and PDF would carry; set version: "${v}" in ${file}, or archive as ${editionVersion}`,
  badManifest: (file: string, detail: string) => `${file}: not a valid archive manifest (${detail}); restore it, or move its version folder out of the archive`,
  indexUnwritable: (root: string, reason: string) => `cannot write the index of ${root}: ${reason}; nothing was archived`,
  alreadyArchived: (v: string, dir: string) => `version ${v} is already archived in ${dir}; archived versions are never overwritten — archive under a new version`,
  cacheEntryDiscarded: (file: string, why: string) => `stage cache: discarded ${file} (${why}); building that stage again`,
  sourceDateEpoch: (v: string) => `SOURCE_DATE_EPOCH must be a whole number of seconds, got ${show(v)}`,
  sourceDateEpochRange: (v: string, max: number) => `SOURCE_DATE_EPOCH must be at most ${max} (the end of the year 9999), got ${show(v)}`,
  // Preview
  portInUse: (port: number) => `port ${port} on 127.0.0.1 is already in use (another preview?); stop it, or choose another port with --port N (--port 0 picks a free one)`,
  portNotAllowed: (port: number) => `port ${port} on 127.0.0.1 needs privileges greenbook does not have; choose a port above 1023 with --port N`,
  cannotListen: (port: number, reason: string) => `cannot listen on 127.0.0.1:${port}: ${reason}`,
  // Deriving tables from a panel extract (src/derive)
  deriveMissingStage: (file: string) => `the stage file "${file}" does not exist`,
  deriveNoFiles: (table: string, names: readonly string[]) => `no files for table "${table}" (looked for a folder or files named ${names.join(", ")}, as .parquet, .csv or .csv.gz)`,
  deriveNotFolder: () => "is not a folder",
  deriveMissingColumn: (column: string) => `column "${column}" is missing`,
  deriveNotType: (count: number, type: string, example: string) => `${count.toLocaleString("en")} value${count === 1 ? " is" : "s are"} not ${type} (e.g. ${show(example)})`,
  deriveDuplicateKey: (count: number, key: string, example: string) => `${count.toLocaleString("en")} rows share a ${key} with different values (e.g. ${show(example)})`,
  deriveUnreadable: (detail: string) => `cannot be read: ${detail}`,
  deriveParameter: (expected: string, got: unknown) => `expected ${expected}, got ${show(got)}`,
  deriveUnknownParameter: (known: readonly string[]) => `not a parameter; parameters are ${known.join(", ")}`,
  deriveStageFailed: (stage: string, detail: string) => `stage ${stage} failed: ${detail}`,
  // Templates
  illustrativeFinding: (file: string, claim: string, series: readonly string[]) =>
    `${file}: claim "${claim}" rests on illustrative data (${series.join(", ")}) and cannot be stated as a finding here; use a claim on measured data, or mark the series' provenance correctly in catalog.yaml`,
  illustrativeUnsaid: (file: string, claim: string, outcome: string, series: readonly string[]) =>
    `${file}: claim "${claim}" (outcome "${outcome}") rests on illustrative data (${series.join(", ")}); its wording must say so: add {{illustrative}}`,
  illustrativeStatistic: (file: string, statistics: readonly string[], series: readonly string[]) =>
    `${file}: states figures from illustrative data (statistics ${statistics.join(", ")}; series ${series.join(", ")}) in a part that states findings`,
  illustrativeChart: (figure: string, series: string) => `handout: the chart "${figure}" is drawn from illustrative data (${series}); a handout shows only charts of measured data`,
  claimWordingMissing: (file: string, key: string, outcome: string) => `${file}: claim "${key}" has no wording for outcome "${outcome}"`,
  claimWordingUnknownClaim: (file: string, key: string) => `${file}: "${key}" is not a claim in the registry (src/claims/registry.ts)`,
  claimWordingUnknownOutcome: (file: string, key: string, outcome: string, outcomes: readonly string[]) =>
    `${file}: claim "${key}" has wording for outcome "${outcome}", which it cannot have; its outcomes are ${outcomes.join(", ")}`,
  templateNotDefined: (path: string) => `"${path}" is not defined`,
  templateExpects: (expected: string, got: unknown) => `expected ${expected}, got ${got === undefined ? "nothing" : show(got)}`,
} as const;
