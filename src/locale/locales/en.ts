/** British English, hyphenated with the en-GB TeX patterns. */
import hyphenEnGb from "hyphen/en-gb/index.js";
import { defineLocale } from "../locale.ts";
import { HK_SANS, HK_SERIF, LATIN_SANS, LATIN_SERIF } from "./fonts.ts";

const MONTHS = "January|February|March|April|May|June|July|August|September|October|November|December";
const DAY_MONTH = new RegExp(`\\b(\\d{1,2})[ \\n]+(${MONTHS})\\b`, "g");

export const en = defineLocale({
  tag: "en",
  intl: "en-GB",
  labelColumn: "en",
  script: "latin",
  punctuation: { semicolon: "; ", fullStop: "." },
  colon: ": ",
  sentenceSeparator: " ",
  nameSeparator: ", ",
  quotes: ["“", "”"],
  largeUnits: [
    { value: 1e9, prose: " billion", short: "bn", decimals: 2 },
    { value: 1e6, prose: " million", short: "m", decimals: 2 },
  ],
  people: (n) => n,
  times: (n) => `${n} times`,
  percentagePoints: (n) => `${n} percentage points`,
  date: ({ year, day, monthName }, style) => (style === "year" ? String(year) : style === "month" ? `${monthName} ${year}` : `${day} ${monthName} ${year}`),
  span: {
    between: (from, to) => `${from} to ${to}`,
    wholeYear: (y) => `the whole of ${y}`,
    half: (y, which) => `the ${which === 1 ? "first" : "second"} half of ${y}`,
    months: (y, from, to) => `${from.name}–${to.name} ${y}`,
  },
  period: (when, year) => `${when}-${year}`,
  list: (items) => (items.length <= 1 ? items.join("") : new Intl.ListFormat("en-GB", { style: "long", type: "conjunction" }).format(items)),
  exhibitWord: { figure: "Figure", table: "Table" },
  exhibitLabel: (word, n) => `${word} ${n}`,
  exhibitRef: (word, n) => `${word} ${n}`,
  hyphenate: (html) => hyphenEnGb.hyphenateHTMLSync(html),
  // A day and its month, a citation's "et al." and its year, an exhibit or page and its number stay on one line.
  bindSpaces: (text) =>
    text
      .replace(DAY_MONTH, "$1\u00a0$2")
      .replace(/\bet[ \n]+al\.[ \n]+(?=[(\d])/g, "et\u00a0al.\u00a0")
      .replace(/\b(Figures?|Tables?|pp?\.)[ \n]+(?=\d)/g, "$1\u00a0"),
  // Chinese names in English text (authors, labels) come from the HK face.
  fonts: { serif: [LATIN_SERIF, HK_SERIF], sans: [LATIN_SANS, HK_SANS] },
  figuresNote: {
    title: "Note on the figures in this edition",
    intro: (book) => `This edition recomputes every number it prints from its data files. Where a number or a conclusion differs from the chapter as first published in the ${book}, it is listed here with the reason.`,
    entry: ({ label, published, current, reason }) => `**${label}.** First published: ${published}. This edition: ${current}. Reason: ${reason}.`,
    reasons: {
      "corrected-arithmetic": "corrected arithmetic",
      "revised-official-data": "revised official data",
      "different-sample-cut": "a different sample cut",
      "new-data": "new data",
    },
    unrecorded: "not recorded",
  },
  illustrativeMark: " (illustrative data)",
});
