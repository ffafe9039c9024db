/**
 * The Handlebars environment prose templates are rendered in: strict mode (a missing value fails
 * the build, naming the template), and helpers that format every number per language, look up
 * labels from data, choose claim wording by outcome, and number figure and table references.
 * Helpers return escaped text; data strings are also escaped for Markdown, so a label can never
 * become markup.
 */
import Handlebars from "handlebars";
import type { Claims } from "../claims/evaluate-claims.ts";
import type { Lang } from "../data/edition.ts";
import { TemplateError } from "../errors.ts";
import { messages } from "../messages.ts";
import type { Stats } from "../stats/compute-stats.ts";
import { escapeForMarkdownSource } from "./escape.ts";
import { formatDate, formatLarge, formatList, formatNumber, formatPeople, formatPercent, formatPeriod, formatTimes } from "./format-number.ts";
import type { ClaimWording, Source } from "./load-templates.ts";

/** An exhibit's place in the chapter: `fig1` → Figure 1. */
export interface ExhibitRef {
  id: string;
  kind: "figure" | "table";
  number: number;
}

/** What a template saw, in order: the skeleton compared between editions for parity. */
export interface RenderRecord {
  claims: string[];
  refs: string[];
}

export interface TemplateRuntime {
  lang: Lang;
  labels: Map<string, { en: string; "zh-HK": string }>;
  claims: Claims;
  claimWording: ClaimWording;
  claimsFile: string;
  exhibits: Map<string, ExhibitRef>;
  strings: Record<string, string>;
  record: RenderRecord;
}

type HelperOptions = Handlebars.HelperOptions;
const safe = (s: string) => new Handlebars.SafeString(s);

function isOptions(x: unknown): x is HelperOptions {
  return typeof x === "object" && x !== null && "hash" in x && "data" in x;
}

/** Positional arguments of a helper call, without the trailing options object. */
function args(all: unknown[]): { params: unknown[]; options: HelperOptions } {
  const options = all.at(-1) as HelperOptions;
  return { params: all.slice(0, -1), options };
}

function num(x: unknown): number {
  if (typeof x !== "number") throw new TemplateError(messages.templateExpects("a number", x));
  return x;
}

/** Where in a template a helper call is (Handlebars' `options.loc`). */
interface Loc {
  start: Position;
}

/** A helper failed: the error carries the location of the call, so the message can quote it. */
class HelperError extends TemplateError {
  constructor(
    message: string,
    readonly helper: string,
    readonly loc: Loc | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

function intArg(x: unknown, fallback: number): number {
  return typeof x === "number" ? x : isOptions(x) || x === undefined ? fallback : Number(x);
}

/** Creates a Handlebars instance with greenbook's helpers bound to one language's runtime. */
export function createTemplateEnv(rt: TemplateRuntime): typeof Handlebars {
  const hb = Handlebars.create();
  const { lang } = rt;
  const label = (key: string): string => {
    const l = rt.labels.get(key);
    if (!l) throw new TemplateError(`no label "${key}" in the data's labels.csv`);
    return l[lang];
  };
  const factsStack: Record<string, number | string>[] = [];

  const helpers: Record<string, (...all: never[]) => unknown> = {
    num: (...all: unknown[]) => {
      const { params, options } = args(all);
      return formatNumber(num(params[0]), lang, intArg(params[1], 0), { signed: options.hash.signed === true });
    },
    abs: (x: unknown) => Math.abs(num(x)),
    neg: (x: unknown) => -num(x),
    pct: (...all: unknown[]) => {
      const { params, options } = args(all);
      return formatPercent(num(params[0]), lang, intArg(params[1], 0), { signed: options.hash.signed === true });
    },
    pp: (...all: unknown[]) => {
      const { params, options } = args(all);
      const n = formatNumber(num(params[0]), lang, intArg(params[1], 1), { signed: options.hash.signed === true });
      return lang === "zh-HK" ? `${n}個百分點` : `${n} percentage points`;
    },
    large: (...all: unknown[]) => {
      const { params } = args(all);
      return formatLarge(num(params[0]), lang, typeof params[1] === "number" ? params[1] : undefined);
    },
    people: (x: unknown) => formatPeople(num(x), lang),
    times: (...all: unknown[]) => {
      const { params } = args(all);
      return formatTimes(num(params[0]), lang, intArg(params[1], 1));
    },
    date: (...all: unknown[]) => {
      const { params } = args(all);
      const style = typeof params[1] === "string" ? (params[1] as "day" | "month" | "year") : "day";
      return formatDate(String(params[0]), lang, style);
    },
    year: (iso: unknown) => String(iso).slice(0, 4),
    period: (p: unknown) => formatPeriod(String(p), lang),
    label: (key: unknown) => safe(escapeForMarkdownSource(label(String(key)))),
    labelOf: (ns: unknown, id: unknown) => safe(escapeForMarkdownSource(label(`${String(ns)}:${String(id)}`))),
    string: (key: unknown) => {
      const s = rt.strings[String(key)];
      if (s === undefined) throw new TemplateError(`no string "${String(key)}" in strings.yaml`);
      return s;
    },
    /**
     * Regions with net inflow ("inflow") or outflow ("outflow"), largest first: `{{regions "inflow" 3}}`,
     * `edu=true` for the highly educated, `counts=true` to give each region's net flow in brackets.
     * In English a name such as "United States" takes its article ("the United States").
     */
    regions: (...all: unknown[]) => {
      const { params, options } = args(all);
      const which = String(params[0]);
      const n = intArg(params[1], 3);
      const rows = regionRows(options.data.root.s as Stats, which, n, options.hash.edu === true);
      const items = rows.map(({ id, net }) => {
        const name = label(`region:${id}`);
        const named = lang === "en" && /^United /.test(name) ? `the ${name}` : name;
        if (options.hash.counts !== true) return named;
        return lang === "zh-HK" ? `${named}（${formatPeople(Math.abs(net), lang)}）` : `${named} (${formatPeople(Math.abs(net), lang)})`;
      });
      return safe(escapeForMarkdownSource(formatList(items, lang)));
    },
    /**
     * A span of dates within one year, said the way a reader says it: "2023年1月至9月" /
     * "January–September 2023"; a half year as "2023年上半年" / "the first half of 2023"; a whole
     * year as "2022年全年" / "the whole of 2022". Spans across years fall back to two dates.
     */
    dateRange: (start: unknown, end: unknown) => formatDateRange(String(start), String(end), lang),
    /** Age groups with net outflow or inflow for a cohort: `{{ages "all" "outflow"}}`. */
    ages: (cohort: unknown, which: unknown, options: HelperOptions) => {
      const stats = options.data.root.s as Stats;
      const c = stats.ageFlows.find((x) => x.cohort === cohort);
      if (!c) throw new TemplateError(`no cohort "${String(cohort)}"`);
      const groups = which === "outflow" ? c.outflowGroups : c.inflowGroups;
      return formatAgeGroups(groups, lang);
    },
    claim: (id: unknown, options: HelperOptions) => {
      const claim = rt.claims.get(String(id));
      if (!claim) throw new TemplateError(`no claim "${String(id)}" in the registry (src/claims/registry.ts)`);
      const variant = typeof options.hash.variant === "string" ? options.hash.variant : undefined;
      const key = variant ? `${claim.id}#${variant}` : claim.id;
      const wording = rt.claimWording[key]?.[claim.outcome];
      if (wording === undefined) throw new TemplateError(messages.claimWordingMissing(rt.claimsFile, key, claim.outcome));
      rt.record.claims.push(key);
      factsStack.push(claim.facts);
      try {
        return safe(renderTemplate(hb, { name: `claim ${key}: ${claim.outcome}`, file: rt.claimsFile, text: wording }, options.data.root));
      } finally {
        factsStack.pop();
      }
    },
    fact: (name: unknown) => {
      const facts = factsStack.at(-1);
      if (!facts || !(String(name) in facts)) throw new TemplateError(`used outside a claim that has the fact "${String(name)}"`);
      return facts[String(name)];
    },
    ref: (id: unknown) => {
      const ex = rt.exhibits.get(String(id));
      if (!ex) throw new TemplateError(`no figure or table "${String(id)}"`);
      rt.record.refs.push(ex.id);
      const text = lang === "zh-HK" ? `【${ex.kind === "figure" ? "圖" : "表"}${ex.number}】` : `${ex.kind === "figure" ? "Figure" : "Table"} ${ex.number}`;
      return safe(`[${text}](#${ex.id})`);
    },
    eq: (a: unknown, b: unknown) => a === b,
    gt: (a: unknown, b: unknown) => num(a) > num(b),
    lt: (a: unknown, b: unknown) => num(a) < num(b),
  };
  // A helper's own failure names the call it failed in (see describeFailure).
  for (const [name, fn] of Object.entries(helpers)) {
    hb.registerHelper(name, function (this: unknown, ...all: unknown[]) {
      try {
        return (fn as (...a: unknown[]) => unknown).apply(this, all);
      } catch (err) {
        if (err instanceof TemplateError && !(err instanceof HelperError)) {
          const options = all.at(-1);
          throw new HelperError(err.message, name, isOptions(options) ? (options as { loc?: Loc }).loc : undefined, { cause: err });
        }
        throw err;
      }
    });
  }
  return hb;
}

function regionRows(stats: Stats, which: string, n: number, edu: boolean): { id: string; net: number }[] {
  const rows = stats.regions.rows.map((r) => ({ id: r.id, net: edu ? r.edu.net : r.net }));
  if (which === "inflow") return rows.filter((r) => r.net > 0).sort((a, b) => b.net - a.net).slice(0, n);
  if (which === "outflow") return rows.filter((r) => r.net < 0).sort((a, b) => a.net - b.net).slice(0, n);
  throw new TemplateError(`expected "inflow" or "outflow", got "${which}"`);
}

function formatDateRange(start: string, end: string, lang: Lang): string {
  const [y1, m1, d1] = start.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = end.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y2, m2, 0)).getUTCDate();
  if (y1 !== y2 || d1 !== 1 || d2 !== lastDay) {
    return lang === "zh-HK" ? `${formatDate(start, lang)}至${formatDate(end, lang)}` : `${formatDate(start, lang)} to ${formatDate(end, lang)}`;
  }
  if (m1 === 1 && m2 === 12) return lang === "zh-HK" ? `${y1}年全年` : `the whole of ${y1}`;
  if (m1 === 1 && m2 === 6) return lang === "zh-HK" ? `${y1}年上半年` : `the first half of ${y1}`;
  if (m1 === 7 && m2 === 12) return lang === "zh-HK" ? `${y1}年下半年` : `the second half of ${y1}`;
  if (m1 === m2) return formatDate(start, lang, "month");
  if (lang === "zh-HK") return `${y1}年${m1}月至${m2}月`;
  const month = (m: number) => new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y1, m - 1, 1)));
  return `${month(m1)}–${month(m2)} ${y1}`;
}

/** "20-24","25-29" → "20–24、25–29歲" / "20–24 and 25–29". */
export function formatAgeGroups(groups: readonly string[], lang: Lang): string {
  const items = groups.map((g) => g.replace("-", "–"));
  return lang === "zh-HK" ? `${formatList(items, lang)}歲` : formatList(items, lang);
}

const compiled = new WeakMap<typeof Handlebars, Map<string, Handlebars.TemplateDelegate>>();

/** Renders one template source in strict mode; any failure names the template file. */
export function renderTemplate(hb: typeof Handlebars, source: Source, context: unknown): string {
  let cache = compiled.get(hb);
  if (!cache) compiled.set(hb, (cache = new Map()));
  const key = `${source.file}\0${source.name}\0${source.text}`;
  try {
    let fn = cache.get(key);
    if (!fn) {
      fn = hb.compile(source.text, { strict: true, noEscape: false });
      cache.set(key, fn);
    }
    return fn(context);
  } catch (err) {
    // An error that already names this file (claim wording rendered inside a claim call) is passed on as it is.
    if (err instanceof TemplateError && err.message.startsWith(source.file)) throw err;
    throw new TemplateError(describeFailure(hb, source, context, err), { cause: err });
  }
}

/**
 * A template failure as `file:line: {{the expression}}: what is wrong` (with the line when the
 * source is a whole file, else the source's name), naming the value that is not defined when one is.
 */
function describeFailure(hb: typeof Handlebars, source: Source, context: unknown, err: unknown): string {
  const e = err as Error & { lineNumber?: number; column?: number };
  let at: Position | undefined;
  let reason = (e.message ?? String(err)).replace(/ in \[object Object\]/g, "");
  const parse = /^Parse error on line (\d+):/.exec(reason);
  if (err instanceof HelperError) {
    at = err.loc?.start;
    // A helper given a value that does not exist fails because of it, whatever it says.
    const missing = at ? valuesNotDefined(hb, source.text, context).find((v) => v.call !== undefined && samePosition(v.call, at!)) : undefined;
    reason = missing ? messages.templateNotDefined(missing.path) : at ? reason : `{{${err.helper}}}: ${reason}`;
  } else if (typeof e.lineNumber === "number" && typeof e.column === "number") {
    // Handlebars' own errors: strict mode's `"x" not defined`, a block closed with the wrong name.
    at = { line: e.lineNumber, column: e.column };
    reason = reason.replace(/ - \d+:\d+$/, "");
    const strict = /^"(.*)" not defined/.exec(reason);
    if (strict) reason = messages.templateNotDefined(valuesNotDefined(hb, source.text, context).find((v) => samePosition(v.at, at!))?.path ?? strict[1]!);
  } else if (parse) {
    const open = /got 'EOF'$/.test(reason) ? unclosedBlock(source.text) : undefined;
    at = open?.at ?? { line: Number(parse[1]), column: -1 };
    reason = open ? `the block is never closed with {{/${open.name}}}` : `not a valid template: ${reason.split("\n").at(-1) ?? ""}`;
  } else if (err instanceof TypeError && /^Cannot read properties of (undefined|null)/.test(reason)) {
    // Strict mode checks only the last part of a helper's argument, so `{{num region.atlantis.net}}` fails here.
    const missing = valuesNotDefined(hb, source.text, context).find((v) => v.intermediate);
    if (missing) {
      at = missing.at;
      reason = messages.templateNotDefined(missing.path);
    }
  }
  const expr = at && at.column >= 0 ? expressionAt(source.text, at) : undefined;
  const where = source.line !== undefined && at ? `${source.file}:${source.line + at.line - 1}` : `${source.file}${source.name !== source.file ? ` (${source.name})` : ""}`;
  return `${where}: ${expr ? `${expr}: ` : ""}${reason}`;
}

/** A place in a template: 1-based line, 0-based column (as Handlebars gives it). */
interface Position {
  line: number;
  column: number;
}

interface AstNode {
  type: string;
  loc?: { start: Position };
  path?: AstNode;
  params?: AstNode[];
  hash?: { pairs: { value: AstNode }[] };
  program?: AstNode;
  inverse?: AstNode;
  body?: AstNode[];
  parts?: string[];
  original?: string;
  data?: boolean;
  depth?: number;
}

const samePosition = (a: Position, b: Position) => a.line === b.line && a.column === b.column;

/**
 * Values a template reads from the root context that do not exist, in order: each with the path
 * up to its first missing part, where it is written, the call it is an argument of, and whether
 * a part before the last is missing. Blocks that change the context (`each`, `with`) and `@data`
 * or `../` paths are not followed.
 */
function valuesNotDefined(hb: typeof Handlebars, text: string, context: unknown): { path: string; at: Position; call?: Position; intermediate: boolean }[] {
  let ast: AstNode;
  try {
    ast = hb.parse(text) as unknown as AstNode;
  } catch {
    return [];
  }
  const out: { path: string; at: Position; call?: Position; intermediate: boolean }[] = [];
  const check = (p: AstNode, call: Position | undefined) => {
    if (p.type === "SubExpression") return visit(p);
    if (p.type !== "PathExpression" || p.data || (p.depth ?? 0) > 0 || !p.parts?.length || !p.loc) return;
    let v: unknown = context;
    for (const [i, part] of p.parts.entries()) {
      if (v === null || typeof v !== "object" || !Object.hasOwn(v, part) || (v as Record<string, unknown>)[part] === undefined) {
        out.push({ path: p.parts.slice(0, i + 1).join("."), at: p.loc.start, call, intermediate: i < p.parts.length - 1 });
        return;
      }
      v = (v as Record<string, unknown>)[part];
    }
  };
  const visit = (n: AstNode | undefined): void => {
    if (!n) return;
    if (n.type === "Program") return n.body?.forEach((b) => visit(b));
    if (n.type !== "MustacheStatement" && n.type !== "SubExpression" && n.type !== "BlockStatement") return;
    const args = [...(n.params ?? []), ...(n.hash?.pairs.map((p) => p.value) ?? [])];
    // `{{s.flows.joined}}` reads a value; in `{{num s.flows.joined}}` the path is the helper's name.
    if (n.path && args.length === 0 && !(n.path.original && n.path.original in hb.helpers)) check(n.path, undefined);
    for (const a of args) check(a, n.loc?.start);
    if (n.type === "BlockStatement" && ["if", "unless"].includes(n.path?.original ?? "")) {
      visit(n.program);
      visit(n.inverse);
    }
  };
  visit(ast);
  return out;
}

/** The last block opened (`{{#if …}}`) and never closed in a template, found by matching names. */
function unclosedBlock(text: string): { name: string; at: Position } | undefined {
  const open: { name: string; at: Position }[] = [];
  for (const m of text.matchAll(/\{\{~?\s*([#^/])\s*([^\s}~]+)/g)) {
    const before = text.slice(0, m.index);
    const at = { line: before.split("\n").length, column: m.index - (before.lastIndexOf("\n") + 1) };
    if (m[1] === "/") {
      if (open.at(-1)?.name === m[2]) open.pop();
    } else if (m[1] === "#") open.push({ name: m[2]!.replace(/^[*>]/, ""), at });
  }
  return open.at(-1);
}

/** The `{{…}}` around a position of a template, on one line and shortened. */
function expressionAt(text: string, at: Position): string | undefined {
  const lines = text.split("\n");
  if (at.line < 1 || at.line > lines.length) return undefined;
  const offset = lines.slice(0, at.line - 1).reduce((n, l) => n + l.length + 1, 0) + at.column;
  const start = text.lastIndexOf("{{", offset + 1);
  const end = start < 0 ? -1 : text.indexOf("}}", start);
  if (start < 0 || end < 0 || end + 2 < offset) return undefined;
  const expr = text.slice(start, end + 2).replace(/^\{\{\{/, "{{").replace(/\s+/g, " ");
  return expr.length > 100 ? `${expr.slice(0, 97)}…}}` : expr;
}
