/**
 * The Handlebars environment prose templates are rendered in: strict mode (a missing value fails
 * the build, naming the template), and helpers that format every number per language, look up
 * labels from data, choose claim wording by outcome, and number figure and table references.
 * Helpers return escaped text; data strings are also escaped for Markdown, so a label can never
 * become markup.
 */
import Handlebars from "handlebars";
import type { ClaimResult, Claims } from "../claims/evaluate-claims.ts";
import type { ChapterHelper } from "../chapter/define-chapter.ts";
import { localeOf } from "../locale/locale-of.ts";
import { TemplateError } from "../errors.ts";
import { messages } from "../messages.ts";
import { escapeForMarkdownSource } from "./escape.ts";
import { formatDate, formatDateRange, formatLarge, formatNumber, formatPeople, formatPercent, formatPeriod, formatPoints, formatTimes } from "./format-number.ts";
import type { ClaimWording, Source } from "./load-templates.ts";
import { describeFailure, HelperError, type Loc } from "./template-errors.ts";
import { bindTemplate } from "./compile-template.ts";

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
  lang: string;
  labels: Map<string, Record<string, string>>;
  claims: Claims;
  claimWording: ClaimWording;
  claimsFile: string;
  exhibits: Map<string, ExhibitRef>;
  strings: Record<string, string>;
  record: RenderRecord;
  /** The chapter's own helpers, created for this language (see defineChapter's `helpers`). */
  chapterHelpers?: (label: (key: string) => string) => Record<string, ChapterHelper>;
  /** The illustrative (or synthetic) data files a claim rests on; empty when it rests on measured data. */
  illustrativeSeries?: (claim: ClaimResult) => string[];
  /** While a part that states findings renders (a handout headline, an introduction): its file. */
  finding?: string;
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
    const text = l[lang];
    if (text === undefined) throw new TemplateError(`no ${lang} label "${key}" in the data's labels.csv`);
    return text;
  };
  const factsStack: Record<string, number | string>[] = [];
  /** Per claim being rendered: whether its wording has said the data are illustrative. */
  const marks: { said: boolean; illustrative: boolean }[] = [];

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
      return formatPoints(num(params[0]), lang, intArg(params[1], 1), { signed: options.hash.signed === true });
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
    /** A span of dates: "2023年1月至9月" / "January–September 2023"; half and whole years in words. */
    dateRange: (start: unknown, end: unknown) => formatDateRange(String(start), String(end), lang),
    period: (p: unknown) => formatPeriod(String(p), lang),
    label: (key: unknown) => safe(escapeForMarkdownSource(label(String(key)))),
    labelOf: (ns: unknown, id: unknown) => safe(escapeForMarkdownSource(label(`${String(ns)}:${String(id)}`))),
    string: (key: unknown) => {
      const s = rt.strings[String(key)];
      if (s === undefined) throw new TemplateError(`no string "${String(key)}" in strings.yaml`);
      return s;
    },
    claim: (id: unknown, options: HelperOptions) => {
      const claim = rt.claims.get(String(id));
      if (!claim) throw new TemplateError(`no claim "${String(id)}" in the registry (src/claims/registry.ts)`);
      const variant = typeof options.hash.variant === "string" ? options.hash.variant : undefined;
      const key = variant ? `${claim.id}#${variant}` : claim.id;
      const wording = rt.claimWording[key]?.[claim.outcome];
      if (wording === undefined) throw new TemplateError(messages.claimWordingMissing(rt.claimsFile, key, claim.outcome));
      const illustrative = rt.illustrativeSeries?.(claim) ?? [];
      if (illustrative.length && rt.finding) throw new TemplateError(messages.illustrativeFinding(rt.finding, key, illustrative));
      rt.record.claims.push(key);
      factsStack.push(claim.facts);
      const mark = { said: false, illustrative: illustrative.length > 0 };
      marks.push(mark);
      try {
        const text = renderTemplate(hb, { name: `claim ${key}: ${claim.outcome}`, file: rt.claimsFile, text: wording }, options.data.root);
        if (illustrative.length && !mark.said) throw new TemplateError(messages.illustrativeUnsaid(rt.claimsFile, key, claim.outcome, illustrative));
        return safe(text);
      } finally {
        factsStack.pop();
        marks.pop();
      }
    },
    /**
     * Inside a claim's wording: says the claim rests on illustrative data. `{{illustrative}}` writes
     * " (illustrative data)" then (nothing on measured data); `{{#illustrative}}…{{else}}…{{/illustrative}}`
     * writes its own sentence for illustrative data and the other for measured data.
     */
    illustrative: function (this: unknown, options: HelperOptions) {
      const mark = marks.at(-1);
      if (!mark) throw new TemplateError("{{illustrative}} is used in a claim's wording (claims.yaml), where it knows which data the claim rests on");
      if (mark.illustrative) mark.said = true;
      if (typeof options.fn === "function") return safe(mark.illustrative ? options.fn(this) : options.inverse(this));
      return mark.illustrative ? localeOf(lang).illustrativeMark : "";
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
      const locale = localeOf(lang);
      const text = locale.exhibitRef(locale.exhibitWord[ex.kind], ex.number);
      return safe(`[${text}](#${ex.id})`);
    },
    /** Plain text, escaped, with *word* set in italics (a statistic's letter: *t* statistic). */
    emphasis: (text: unknown) => safe(Handlebars.escapeExpression(String(text)).replace(/\*([^*\s][^*]*)\*/g, "<i>$1</i>")),
    eq: (a: unknown, b: unknown) => a === b,
    gt: (a: unknown, b: unknown) => num(a) > num(b),
    lt: (a: unknown, b: unknown) => num(a) < num(b),
  };
  for (const [name, fn] of Object.entries(rt.chapterHelpers?.(label) ?? {})) {
    if (name in helpers) throw new TemplateError(`the chapter's helper "${name}" has the name of one of greenbook's own`);
    helpers[name] = fn as (...all: never[]) => unknown;
  }
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

/** Each environment's templates, bound from specs compiled once per process (compile-template.ts). */
const compiled = new WeakMap<typeof Handlebars, Map<string, Handlebars.TemplateDelegate>>();

/** Renders one template source in strict mode; any failure names the template file. */
export function renderTemplate(hb: typeof Handlebars, source: Source, context: unknown): string {
  let cache = compiled.get(hb);
  if (!cache) compiled.set(hb, (cache = new Map()));
  const key = source.text;
  try {
    let fn = cache.get(key);
    if (!fn) {
      fn = bindTemplate(hb, source.text);
      cache.set(key, fn);
    }
    return fn(context);
  } catch (err) {
    // An error that already names this file (claim wording rendered inside a claim call) is passed on as it is.
    if (err instanceof TemplateError && err.message.startsWith(source.file)) throw err;
    throw new TemplateError(describeFailure(hb, source, context, err), { cause: err });
  }
}

/** Registers the layouts' partials in `hb`, compiled once per process; a partial that does not parse names its file. */
export function registerPartials(hb: typeof Handlebars, partials: ReadonlyMap<string, Source>): void {
  for (const [name, source] of partials) {
    try {
      hb.registerPartial(name, bindTemplate(hb, source.text));
    } catch (err) {
      throw new TemplateError(describeFailure(hb, source, {}, err), { cause: err });
    }
  }
}
