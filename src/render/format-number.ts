/**
 * Number formatting per language through Intl. Every number the chapter prints goes through
 * here, so zh-HK and en follow their own conventions: grouping, percentages, 萬 and "million",
 * and a real minus sign (U+2212) for negatives.
 */
import type { Lang } from "../data/edition.ts";

export const MINUS = "\u2212";

function fixMinus(s: string): string {
  return s.replace(/^-/, MINUS).replace(/-(?=\d)/g, MINUS);
}

const formatters = new Map<string, Intl.NumberFormat>();
function nf(lang: Lang, options: Intl.NumberFormatOptions): Intl.NumberFormat {
  const key = `${lang}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.NumberFormat(lang === "zh-HK" ? "zh-HK" : "en-GB", options);
    formatters.set(key, f);
  }
  return f;
}

/** A plain number with grouping and a fixed number of decimals: 31,835 · 163.48 · −4.29. */
export function formatNumber(value: number, lang: Lang, decimals = 0, options: { signed?: boolean; grouping?: boolean } = {}): string {
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
export function formatPercent(fraction: number, lang: Lang, decimals = 0, options: { signed?: boolean; trimZeros?: boolean } = {}): string {
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
 * A large count the way a reader of each language expects it: zh-HK in 萬 (7,520,800 → "752萬"),
 * en in millions (→ "7.52 million") or thousands. Small numbers are printed in full.
 */
export function formatLarge(value: number, lang: Lang, decimals?: number): string {
  const abs = Math.abs(value);
  if (lang === "zh-HK") {
    if (abs >= 1e8) return `${formatNumber(value / 1e8, lang, decimals ?? 2)}億`;
    if (abs >= 1e4) return `${formatNumber(value / 1e4, lang, decimals ?? (abs >= 1e6 ? 0 : 1))}萬`;
    return formatNumber(value, lang);
  }
  if (abs >= 1e9) return `${formatNumber(value / 1e9, lang, decimals ?? 2)} billion`;
  if (abs >= 1e6) return `${formatNumber(value / 1e6, lang, decimals ?? 2)} million`;
  return formatNumber(value, lang);
}

/** A ratio as "2.6 times" / "2.6倍". */
export function formatTimes(ratio: number, lang: Lang, decimals = 1): string {
  const n = formatNumber(ratio, lang, decimals);
  return lang === "zh-HK" ? `${n}倍` : `${n} times`;
}

/** A count of people: "31,835人" / "31,835". */
export function formatPeople(value: number, lang: Lang): string {
  return lang === "zh-HK" ? `${formatNumber(value, lang)}人` : formatNumber(value, lang);
}

/** A date from YYYY-MM-DD: "2023年7月31日" / "31 July 2023"; style "month" drops the day. */
export function formatDate(iso: string, lang: Lang, style: "day" | "month" | "year" = "day"): string {
  const [y, m, d] = iso.split("-").map(Number) as [number, number, number];
  if (lang === "zh-HK") return style === "year" ? `${y}年` : style === "month" ? `${y}年${m}月` : `${y}年${m}月${d}日`;
  const month = new Intl.DateTimeFormat("en-GB", { month: "long", timeZone: "UTC" }).format(new Date(Date.UTC(y, m - 1, d)));
  return style === "year" ? String(y) : style === "month" ? `${month} ${y}` : `${d} ${month} ${y}`;
}

/** A population reference point: "mid-2023" → "2023年年中" / "mid-2023"; "end-2019" → "2019年年底" / "end-2019". */
export function formatPeriod(period: string, lang: Lang): string {
  const [when, year] = period.split("-") as [string, string];
  if (lang === "zh-HK") return `${year}年${when === "mid" ? "年中" : "年底"}`;
  return `${when}-${year}`;
}

/** Joins items as a list: "A, B and C" / "A、B和C". */
export function formatList(items: readonly string[], lang: Lang): string {
  if (items.length <= 1) return items.join("");
  if (lang === "zh-HK") return `${items.slice(0, -1).join("、")}和${items.at(-1)}`;
  return new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" }).format(items);
}
