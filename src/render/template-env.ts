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

function num(x: unknown, helper: string): number {
  if (typeof x !== "number") throw new TemplateError(`{{${helper}}} expects a number, got ${x === undefined ? "nothing" : JSON.stringify(x)}`);
  return x;
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

  hb.registerHelper({
    num: (...all: unknown[]) => {
      const { params, options } = args(all);
      return formatNumber(num(params[0], "num"), lang, intArg(params[1], 0), { signed: options.hash.signed === true });
    },
    abs: (x: unknown) => Math.abs(num(x, "abs")),
    neg: (x: unknown) => -num(x, "neg"),
    pct: (...all: unknown[]) => {
      const { params, options } = args(all);
      return formatPercent(num(params[0], "pct"), lang, intArg(params[1], 0), { signed: options.hash.signed === true });
    },
    pp: (...all: unknown[]) => {
      const { params, options } = args(all);
      const n = formatNumber(num(params[0], "pp"), lang, intArg(params[1], 1), { signed: options.hash.signed === true });
      return lang === "zh-HK" ? `${n}個百分點` : `${n} percentage points`;
    },
    large: (...all: unknown[]) => {
      const { params } = args(all);
      return formatLarge(num(params[0], "large"), lang, typeof params[1] === "number" ? params[1] : undefined);
    },
    people: (x: unknown) => formatPeople(num(x, "people"), lang),
    times: (...all: unknown[]) => {
      const { params } = args(all);
      return formatTimes(num(params[0], "times"), lang, intArg(params[1], 1));
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
    /** Regions with net inflow ("inflow") or outflow ("outflow"), largest first: `{{regions "inflow" 3}}`, `edu=true` for the highly educated. */
    regions: (...all: unknown[]) => {
      const { params, options } = args(all);
      const which = String(params[0]);
      const n = intArg(params[1], 3);
      return safe(escapeForMarkdownSource(formatList(regionIds(options.data.root.s as Stats, which, n, options.hash.edu === true).map((id) => label(`region:${id}`)), lang)));
    },
    /** Age groups with net outflow or inflow for a cohort: `{{ages "all" "outflow"}}`. */
    ages: (cohort: unknown, which: unknown, options: HelperOptions) => {
      const stats = options.data.root.s as Stats;
      const c = stats.ageFlows.find((x) => x.cohort === cohort);
      if (!c) throw new TemplateError(`{{ages}}: no cohort "${String(cohort)}"`);
      const groups = which === "outflow" ? c.outflowGroups : c.inflowGroups;
      return formatAgeGroups(groups, lang);
    },
    claim: (id: unknown, options: HelperOptions) => {
      const claim = rt.claims.get(String(id));
      if (!claim) throw new TemplateError(`{{claim "${String(id)}"}}: no such claim in the registry (src/claims/registry.ts)`);
      const variant = typeof options.hash.variant === "string" ? options.hash.variant : undefined;
      const key = variant ? `${claim.id}#${variant}` : claim.id;
      const wording = rt.claimWording[key]?.[claim.outcome];
      if (wording === undefined) throw new TemplateError(`${rt.claimsFile}: claim "${key}" has no wording for outcome "${claim.outcome}"`);
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
      if (!facts || !(String(name) in facts)) throw new TemplateError(`{{fact "${String(name)}"}} used outside a claim that has it`);
      return facts[String(name)];
    },
    ref: (id: unknown) => {
      const ex = rt.exhibits.get(String(id));
      if (!ex) throw new TemplateError(`{{ref "${String(id)}"}}: no figure or table with that id`);
      rt.record.refs.push(ex.id);
      const text = lang === "zh-HK" ? `【${ex.kind === "figure" ? "圖" : "表"}${ex.number}】` : `${ex.kind === "figure" ? "Figure" : "Table"} ${ex.number}`;
      return safe(`[${text}](#${ex.id})`);
    },
    eq: (a: unknown, b: unknown) => a === b,
    gt: (a: unknown, b: unknown) => num(a, "gt") > num(b, "gt"),
    lt: (a: unknown, b: unknown) => num(a, "lt") < num(b, "lt"),
  });
  return hb;
}

function regionIds(stats: Stats, which: string, n: number, edu: boolean): string[] {
  const rows = stats.regions.rows.map((r) => ({ id: r.id, net: edu ? r.edu.net : r.net }));
  if (which === "inflow") return rows.filter((r) => r.net > 0).sort((a, b) => b.net - a.net).slice(0, n).map((r) => r.id);
  if (which === "outflow") return rows.filter((r) => r.net < 0).sort((a, b) => a.net - b.net).slice(0, n).map((r) => r.id);
  throw new TemplateError(`{{regions}}: expected "inflow" or "outflow", got "${which}"`);
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
    if (err instanceof TemplateError && err.message.startsWith(source.file)) throw err;
    const msg = (err as Error).message.replace(/ in \[object Object\]/g, "");
    throw new TemplateError(`${source.file}${source.name !== source.file ? ` (${source.name})` : ""}: ${msg}`, { cause: err });
  }
}
