/**
 * The proofreader's rules as format settings: the `proof:` block of a chapter's edition.yaml.
 * Every rule has a severity (error, warning, or off) and its thresholds; the defaults are what a
 * careful book designer accepts. `failOnErrors` is the build's gate: with it, an error stops the
 * build and nothing is written; without it, errors are reported like warnings.
 */
import { z } from "zod";

const severity = z.enum(["error", "warning", "off"], "expected error, warning or off");
export type Severity = z.output<typeof severity>;

const share = z.number().min(0, "expected a share between 0 and 1").max(1, "expected a share between 0 and 1");
const lines = z.number().int("expected a whole number of lines").min(1, "expected at least 1 line").max(10, "expected at most 10 lines");

/** One rule: its severity by default, plus its own thresholds. */
const rule = <T extends z.ZodRawShape>(defaultSeverity: Severity, shape: T) => z.strictObject({ severity: severity.default(defaultSeverity), ...shape });

export const proofRulesSchema = z.strictObject({
  /** A page (not a document's last) whose text area is filled less than `minFill`; `whenNextCannotFit` is the severity when the next item would not have fitted in the space left. */
  "page-fill": rule("error", { minFill: share.default(0.8), whenNextCannotFit: severity.default("warning") }).default({ severity: "error", minFill: 0.8, whenNextCannotFit: "warning" }),
  /** A heading with fewer than `minLinesAfter` lines after it on its page (a heading ending a page). */
  "heading-keep": rule("error", { minLinesAfter: lines.default(2) }).default({ severity: "error", minLinesAfter: 2 }),
  /** A paragraph's last lines, fewer than `minLines`, alone at the top of a page. */
  widow: rule("error", { minLines: lines.default(2) }).default({ severity: "error", minLines: 2 }),
  /** A paragraph's first lines, fewer than `minLines`, alone at the foot of a page. */
  orphan: rule("warning", { minLines: lines.default(2) }).default({ severity: "warning", minLines: 2 }),
  /** A box that must stay whole (CSS selectors) split across pages. */
  "split-box": rule("error", { selectors: z.array(z.string().trim().min(1, "expected a CSS selector")).default(["figure", ".exhibit", "blockquote", "aside"]) }).default({ severity: "error", selectors: ["figure", ".exhibit", "blockquote", "aside"] }),
  /** A table row split across pages. */
  "split-row": rule("error", {}).default({ severity: "error" }),
  /** More than `maxConsecutive` hyphenated line ends in a row (a ladder). */
  "hyphen-run": rule("warning", { maxConsecutive: z.number().int().min(1, "expected at least 1").max(10).default(2) }).default({ severity: "warning", maxConsecutive: 2 }),
  /** A word hyphenated on the last line of a page: the reader turns the page mid-word. */
  "hyphen-page-end": rule("error", {}).default({ severity: "error" }),
  /**
   * A justified line set loose: its word spaces wider than `maxWordSpace` times the font's own
   * space, or letters (or Han characters) spaced more than `maxLetterSpace` em apart.
   */
  "loose-line": rule("warning", { maxWordSpace: z.number().min(1, "expected at least 1 (the font's own space)").max(5).default(1.5), maxLetterSpace: z.number().min(0).max(1).default(0.05) }).default({ severity: "warning", maxWordSpace: 1.5, maxLetterSpace: 0.05 }),
  /** A Chinese line that starts with closing punctuation or ends with opening punctuation (kinsoku). */
  kinsoku: rule("error", {}).default({ severity: "error" }),
  /** A character none of the embedded fonts of its stack can draw (it prints as a box or from a system font). */
  tofu: rule("error", {}).default({ severity: "error" }),
  /** Soft hyphens or other invisible characters inside words of the PDF's text layer (search and copy fail). */
  "text-layer": rule("error", {}).default({ severity: "error" }),
});

export const proofSettingsSchema = z
  .strictObject({
    /** Whether an error stops the build (nothing written); default true. */
    failOnErrors: z.boolean().default(true),
    rules: proofRulesSchema.default(proofRulesSchema.parse({})),
  })
  .default({ failOnErrors: true, rules: proofRulesSchema.parse({}) });

export type ProofSettings = z.output<typeof proofSettingsSchema>;
export type ProofRules = ProofSettings["rules"];
export type RuleId = keyof ProofRules;
export const RULE_IDS = Object.keys(proofRulesSchema.shape) as RuleId[];

/** The settings with every default filled in. */
export const DEFAULT_PROOF_SETTINGS: ProofSettings = proofSettingsSchema.parse(undefined);
