/** What the Chinese locales share: units of 10⁴ and 10⁸, dates and periods with 年, lists with 、. */
import type { Locale } from "../locale.ts";

/** `units`: the characters for 10⁴ and 10⁸ (萬 and 億, or 万 and 亿). */
export function hanCommon(people: string, pointsWord: string, andWord: string, units: { wan: string; yi: string }): Pick<
  Locale,
  "script" | "punctuation" | "span" | "colon" | "sentenceSeparator" | "nameSeparator" | "bylineSeparator" | "largeUnits" | "people" | "times" | "percentagePoints" | "date" | "period" | "list" | "exhibitLabel" | "exhibitRef" | "bindSpaces"
> {
  return {
    script: "han",
    punctuation: { semicolon: "；", fullStop: "。" },
    colon: "：",
    sentenceSeparator: "",
    nameSeparator: "、",
    bylineSeparator: "\u3000",
    largeUnits: [
      { value: 1e8, prose: units.yi, short: units.yi, decimals: 2 },
      { value: 1e4, prose: units.wan, short: units.wan, decimals: 0 },
    ],
    people: (n) => `${n}${people}`,
    times: (n) => `${n}倍`,
    percentagePoints: (n) => `${n}${pointsWord}`,
    date: ({ year, month, day }, style) => (style === "year" ? `${year}年` : style === "month" ? `${year}年${month}月` : `${year}年${month}月${day}日`),
    span: {
      between: (from, to) => `${from}至${to}`,
      wholeYear: (y) => `${y}年全年`,
      half: (y, which) => `${y}年${which === 1 ? "上" : "下"}半年`,
      months: (y, from, to) => `${y}年${from.month}月至${to.month}月`,
    },
    period: (when, year) => `${year}年${when === "mid" ? "年中" : "年底"}`,
    list: (items) => (items.length <= 1 ? items.join("") : `${items.slice(0, -1).join("、")}${andWord}${items.at(-1)}`),
    exhibitLabel: (word, n) => `${word}${n}`,
    exhibitRef: (word, n) => `【${word}${n}】`,
    // A date's number stays with its unit ("2023年7 / 月31日" reads as two numbers); the date may still
    // break between its parts, so a line is not set loose to carry a whole date over.
    bindSpaces: (text) => text.replace(/\d{1,4}[年月日](?=\d{1,2}[月日])|(?<=[年月])\d{1,2}[月日]/g, '<span class="nobr">$&</span>'),
  };
}
