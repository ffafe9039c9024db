/**
 * Number (and list) formats for chart labels and descriptions: the prose's formats
 * (src/render/format-number.ts), so a chart never writes a number or a list differently from the
 * text around it, plus the chart-only styles (bin edges, axis counts such as "7.52m").
 */
import { localeOf } from "../locale/locale-of.ts";
import { formatList as formatListShared, formatNumber, formatPercent as formatPercentShared, MINUS } from "../render/format-number.ts";

export { MINUS };


/** A whole count with grouping: 1,458 (the prose's format). */
export function formatCount(value: number, lang: string): string {
  return formatNumber(value, lang);
}

export interface PercentOptions {
  /** Digits after the decimal point; default 0. */
  digits?: number;
  /** Keep trailing zeros to exactly `digits` digits; default true. */
  fixed?: boolean;
  /** "+" on positive values; default false. */
  plus?: boolean;
}

/** A fraction as a percentage: −5.8%, +27%, 0% (the prose's format, with chart options). */
export function formatPercent(fraction: number, lang: string, options: PercentOptions = {}): string {
  return formatPercentShared(fraction, lang, options.digits ?? 0, { signed: options.plus, trimZeros: options.fixed === false });
}

/** A growth rate given in percent units (−50 for −50%), for bin edges. */
export function formatPercentUnits(percent: number, lang: string): string {
  return formatPercent(percent / 100, lang, { digits: 1, fixed: false });
}

/**
 * A large count in the reader's units: "752萬" / "7.52 million" in prose ("prose"), "752萬" /
 * "7.52m" on an axis or label ("short"). `digits` counts digits after the point of the
 * million (English) or 萬 (Chinese) figure; default 2 in English and 0 in Chinese, both
 * rounding to the nearest ten thousand.
 */
export function formatLargeCount(value: number, lang: string, style: "prose" | "short", digits?: number): string {
  // Charts keep one unit for every value: the locale's smallest large unit (萬, million).
  const unit = localeOf(lang).largeUnits.at(-1);
  if (!unit) return formatNumber(value, lang, digits ?? 0);
  const n = formatNumber(value / unit.value, lang, digits ?? unit.decimals);
  return `${n}${style === "prose" ? unit.prose : unit.short}`;
}

/** "a, b and c" / "甲、乙和丙": the same lists as the prose. */
export function formatList(items: readonly string[], lang: string): string {
  return formatListShared(items, lang);
}
