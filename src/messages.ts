/**
 * Every message greenbook shows a user about bad input, in one place so tests can assert
 * against it and wording stays consistent.
 */
const show = (v: unknown): string => {
  if (v === undefined) return "nothing";
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return `"${s.length > 60 ? `${s.slice(0, 57)}…` : s}"`;
};

export const messages = {
  // Encoding and file level
  utf16: (file: string) => `the file is encoded as UTF-16; save ${file} as UTF-8 (with or without BOM)`,
  notUtf8: () => "the file is not valid UTF-8 (Big5 or another legacy encoding?); save it as UTF-8",
  binary: () => "the file contains NUL bytes; it is not a text CSV file",
  tooLarge: (bytes: number, limit: number) => `the file is ${bytes} bytes, over the ${limit}-byte limit for a data file`,
  missingFile: () => "the file is missing",
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
  /** What a numeric cell expects, when its text is a number with thousands separators. */
  withoutSeparators: (expected: string) => `${expected}, written without thousands separators`,
  duplicateKey: (key: string, earlier: number) => `duplicate key "${key}" (first on line ${earlier})`,
  // YAML
  yamlSyntax: (detail: string) => `not valid YAML: ${detail}`,
  yamlField: (expected: string, got: unknown) => `${expected}, got ${got === null ? "an empty value" : show(got)}`,
  yamlMissing: () => "missing",
  yamlMisspelled: (found: string) => `missing (found "${found}": misspelled?)`,
  yamlUnknownField: (expected: readonly string[]) => (expected.length ? `not a field here; expected ${expected.join(", ")}` : "not a field here"),
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
  noCatalogEntry: (name: string, file: string) => `no entry "${name}" describing ${file}`,
  unknownCatalogEntry: (name: string) => `entry "${name}" names no data file greenbook reads`,
  unknownPublishedId: (id: string) => `"${id}" is not a statistic greenbook can recompute (see src/reproduce/published-values.ts)`,
  illustrationMissing: (file: string) => `the illustration file "${file}" does not exist in the data folder`,
  illustrationOutside: (file: string) => `the illustration file "${file}" is outside the data folder; put the image in the data folder and give its path from there`,
  illustrationNotFile: (file: string) => `the illustration "${file}" is not a file`,
  illustrationType: (file: string, types: readonly string[]) => `the illustration file "${file}" is not an image greenbook can print; expected ${types.join(", ")}`,
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
  claimWordingMissing: (file: string, key: string, outcome: string) => `${file}: claim "${key}" has no wording for outcome "${outcome}"`,
  claimWordingUnknownClaim: (file: string, key: string) => `${file}: "${key}" is not a claim in the registry (src/claims/registry.ts)`,
  claimWordingUnknownOutcome: (file: string, key: string, outcome: string, outcomes: readonly string[]) =>
    `${file}: claim "${key}" has wording for outcome "${outcome}", which it cannot have; its outcomes are ${outcomes.join(", ")}`,
  templateNotDefined: (path: string) => `"${path}" is not defined`,
  templateExpects: (expected: string, got: unknown) => `expected ${expected}, got ${got === undefined ? "nothing" : show(got)}`,
} as const;
