/**
 * Number, date and list formatting per language, through Intl and the language's Locale. Every
 * number the documents print goes through here: grouping, percentages, large-number units
 * (萬, million), and a real minus sign (U+2212) for negatives.
 */
import { localeOf } from "../locale/locale-of.ts";

export const MINUS = "\u2212";

function fixMinus(s: string): string {
  return s.replace(/^-/, MINUS).replace(/-(?=\d)/g, MINUS);
}

const formatters = new Map<string, Intl.NumberFormat>();
function nf(lang: string, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(localeOf(lang).intl, options);
    formatters.set(key, f);
  }
  return f;
}

/** A plain number with grouping and a fixed number of decimals: 31,835 · 163.48 · −4.29. */
export function formatNumber(value: number, lang: string, decimals = 0, options: { signed?: boolean; grouping?: boolean } = {}): string {
  if (!Number.isFinite(value)) return "–";
  const s = nf(lang, {
    minimumFractionDigits: decimals,
    maximumFractionDigits: decimals,
    useGrouping: options.grouping ?? true,
    signDisplay: options.signed ? "exceptZero" : "auto",
  }).format(value);
  return fixMinus(s);
}

/**
 * A fraction as a percentage: 0.274 → "27%" (decimals 0) or "27.4%"; `signed` adds "+";
 * `trimZeros` drops trailing zeros ("50%" rather than "50.0%"). Rounded first, so a value that
 * rounds to zero never prints as "−0%".
 */
export function formatPercent(fraction: number, lang: string, decimals = 0, options: { signed?: boolean; trimZeros?: boolean } = {}): string {
  if (!Number.isFinite(fraction)) return "–";
  const scale = 10 ** (decimals + 2);
  const rounded = Math.round(fraction * scale) / scale;
  const s = nf(lang, {
    style: "percent",
    minimumFractionDigits: options.trimZeros ? 0 : decimals,
    maximumFractionDigits: decimals,
    signDisplay: options.signed ? "exceptZero" : "auto",
  }).format(rounded === 0 ? 0 : rounded);
  return fixMinus(s).replace(/\u00a0/g, "");
}

/**
 * A large count the way a reader of each language expects it, in the locale's units: 7,520,800 →
 * "752萬" / "7.52 million". Numbers below the smallest unit are printed in full.
 */
export function formatLarge(value: number, lang: string, decimals?: number): string {
  const abs = Math.abs(value);
  for (const unit of localeOf(lang).largeUnits) {
    if (abs >= unit.value) return `${formatNumber(value / unit.value, lang, decimals ?? largeDecimals(unit, abs))}${unit.prose}`;
  }
  return formatNumber(value, lang);
}

/** 萬 below a million keeps one decimal (35.2萬), as Chinese writers do. */
function largeDecimals(unit: { value: number; decimals: number }, abs: number): number {
  return unit.value === 1e4 && abs < 1e6 ? 1 : unit.decimals;
}

/** A ratio as "2.6 times" / "2.6倍". */
export function formatTimes(ratio: number, lang: string, decimals = 1): string {
  return localeOf(lang).times(formatNumber(ratio, lang, decimals));
}

/** A count of people: "31,835人" / "31,835". */
export function formatPeople(value: number, lang: string): string {
  return localeOf(lang).people(formatNumber(value, lang));
}

/** A difference of percentages: "3.0個百分點" / "3.0 percentage points". */
export function formatPoints(value: number, lang: string, decimals = 1, options: { signed?: boolean } = {}): string {
  return localeOf(lang).percentagePoints(formatNumber(value, lang, decimals, options));
}

/** A date from YYYY-MM-DD: "2023年7月31日" / "31 July 2023"; style "month" drops the day. */
export function formatDate(iso: string, lang: string, style: "day" | "month" | "year" = "day"): string {
  const locale = localeOf(lang);
  const [year, month, day] = iso.split("-").map(Number) as [number, number, number];
  const monthName = new Intl.DateTimeFormat(locale.intl, { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(year, month - 1, day)));
  return locale.date({ year, month, day, monthName }, style);
}

/**
 * A span of dates, said the way a reader says it: whole months within one year ("2023年1月至9月" /
 * "January–September 2023"), a half year, a whole year; anything else as two dates.
 */
export function formatDateRange(start: string, end: string, lang: string): string {
  const locale = localeOf(lang);
  const [y1, m1, d1] = start.split("-").map(Number) as [number, number, number];
  const [y2, m2, d2] = end.split("-").map(Number) as [number, number, number];
  const lastDay = new Date(Date.UTC(y2, m2, 0)).getUTCDate();
  if (y1 !== y2 || d1 !== 1 || d2 !== lastDay) return locale.span.between(formatDate(start, lang), formatDate(end, lang));
  if (m1 === 1 && m2 === 12) return locale.span.wholeYear(y1);
  if (m1 === 1 && m2 === 6) return locale.span.half(y1, 1);
  if (m1 === 7 && m2 === 12) return locale.span.half(y1, 2);
  if (m1 === m2) return formatDate(start, lang, "month");
  const name = (m: number) => new Intl.DateTimeFormat(locale.intl, { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y1, m - 1, 1)));
  return locale.span.months(y1, { month: m1, name: name(m1) }, { month: m2, name: name(m2) });
}

/** A reference point: "mid-2023" → "2023年年中" / "mid-2023"; "end-2019" → "2019年年底" / "end-2019". */
export function formatPeriod(period: string, lang: string): string {
  const [when, year] = period.split("-") as [string, string];
  return localeOf(lang).period(when === "mid" ? "mid" : "end", year);
}

/** Joins items as a list: "A, B and C" / "A、B和C". */
export function formatList(items: readonly string[], lang: string): string {
  return localeOf(lang).list(items);
}
