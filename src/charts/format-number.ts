/**
 * Number (and list) formats for chart labels and descriptions, per language, through Intl. Pure. Negative
 * numbers carry a real minus sign (U+2212); Chinese large counts are written in 萬 (Intl's
 * zh-HK compact notation gives "7.5M" in current CLDR, so 萬 is done here by hand).
 */
import type { Lang } from "../data/edition.ts";

export const MINUS = "\u2212";

/** The Intl locale used for numbers in each language. */
export const NUMBER_LOCALE: Record<Lang, string> = { "zh-HK": "zh-HK", en: "en" };
/** The Intl locale used for lists ("a, b and c": British usage, as in the chapter's English edition). */
export const LIST_LOCALE: Record<Lang, string> = { "zh-HK": "zh-HK", en: "en-GB" };

const withMinus = (s: string): string => s.replace(/-/g, MINUS);

/** A whole count with grouping: 1,458. */
export function formatCount(value: number, lang: Lang): string {
  return withMinus(new Intl.NumberFormat(NUMBER_LOCALE[lang], { maximumFractionDigits: 0 }).format(value));
}

export interface PercentOptions {
  /** Digits after the decimal point; default 0. */
  digits?: number;
  /** Keep trailing zeros to exactly `digits` digits; default true. */
  fixed?: boolean;
  /** "+" on positive values; default false. */
  plus?: boolean;
}

/** A fraction as a percentage: −5.8%, +27%, 0%. */
export function formatPercent(fraction: number, lang: Lang, options: PercentOptions = {}): string {
  const digits = options.digits ?? 0;
  const fmt = new Intl.NumberFormat(NUMBER_LOCALE[lang], {
    style: "percent",
    minimumFractionDigits: options.fixed === false ? 0 : digits,
    maximumFractionDigits: digits,
    signDisplay: options.plus ? "exceptZero" : "auto",
  });
  // Round first so that −0.04% shown with no decimals is "0%", not "−0%".
  const scale = 10 ** (digits + 2);
  const rounded = Math.round(fraction * scale) / scale;
  return withMinus(fmt.format(rounded === 0 ? 0 : rounded));
}

/** A growth rate given in percent units (−50 for −50%), for bin edges. */
export function formatPercentUnits(percent: number, lang: Lang): string {
  return formatPercent(percent / 100, lang, { digits: 1, fixed: false });
}

/**
 * A large count in the reader's units: "752萬" / "7.52 million" in prose ("prose"), "752萬" /
 * "7.52m" on an axis or label ("short"). `digits` counts digits after the point of the
 * million (English) or 萬 (Chinese) figure; default 2 in English and 0 in Chinese, both
 * rounding to the nearest ten thousand.
 */
export function formatLargeCount(value: number, lang: Lang, style: "prose" | "short", digits?: number): string {
  if (lang === "zh-HK") {
    const d = digits ?? 0;
    const n = new Intl.NumberFormat(NUMBER_LOCALE[lang], { minimumFractionDigits: d, maximumFractionDigits: d }).format(value / 10_000);
    return withMinus(`${n}萬`);
  }
  const d = digits ?? 2;
  const n = new Intl.NumberFormat(NUMBER_LOCALE[lang], { minimumFractionDigits: d, maximumFractionDigits: d }).format(value / 1_000_000);
  return withMinus(style === "prose" ? `${n} million` : `${n}m`);
}

/** "a, b and c" / "甲、乙及丙". */
export function formatList(items: readonly string[], lang: Lang): string {
  return new Intl.ListFormat(LIST_LOCALE[lang], { type: "conjunction" }).format(items);
}
