/**
 * A language as greenbook writes it: number and date conventions, list joining, punctuation,
 * exhibit labels, hyphenation, fonts. Every language-dependent choice of the engine goes through
 * a Locale; a chapter's edition lists the languages it is built in, and an unknown language is an
 * error, never a fallback.
 */

/** How a locale writes large numbers, e.g. 萬/億 or million/billion. */
export interface LargeUnit {
  /** The value of one unit (1e4 for 萬, 1e6 for million). */
  value: number;
  /** Written after the number in prose: "萬", " million". */
  prose: string;
  /** Written after the number on chart axes and labels: "萬", "m". */
  short: string;
  /** Default decimals when the number is at least `value` (and below the next unit). */
  decimals: number;
}

export interface Locale {
  /** BCP 47 tag as used in file names and `lang` attributes: "zh-HK". */
  tag: string;
  /** Tag passed to Intl for numbers, lists and month names: "en-GB" for en. */
  intl: string;
  /** Column of labels.csv holding this language's labels: "zh_hk". */
  labelColumn: string;
  /** "han" scripts set text without spaces between words and break lines anywhere. */
  script: "latin" | "han";
  /** Separator between a title and its subtitle: "：" or ": ". */
  colon: string;
  /** Joins sentences: "" in Chinese, " " in English. */
  sentenceSeparator: string;
  /** Joins names in metadata (authors, keywords): "、" or ", ". */
  nameSeparator: string;
  /** Joins authors on a byline; undefined to write them as a list ("A, B and C"). */
  bylineSeparator?: string;
  /** Between items of a run-in list ("；" / "; ") and at the end of a sentence ("。" / "."). */
  punctuation: { semicolon: string; fullStop: string };
  /** Opening and closing quotation marks. */
  quotes: [string, string];
  /** Large-number units, largest first; numbers below the smallest are written in full. */
  largeUnits: LargeUnit[];
  /** A whole count of people: "31,835人" / "31,835". */
  people(count: string): string;
  /** A ratio: "2.6倍" / "2.6 times". */
  times(ratio: string): string;
  /** A difference of percentages: "3.0個百分點" / "3.0 percentage points". */
  percentagePoints(n: string): string;
  /** A date; `month` is the month's name from Intl for Latin locales. */
  date(d: { year: number; month: number; day: number; monthName: string }, style: "day" | "month" | "year"): string;
  /** Spans of dates, said the way a reader says them. */
  span: {
    /** Two dates: "2023年1月5日至2023年9月30日" / "5 January 2023 to 30 September 2023". */
    between(from: string, to: string): string;
    /** A whole year: "2022年全年" / "the whole of 2022". */
    wholeYear(year: number): string;
    /** A half year: "2023年上半年" / "the first half of 2023". */
    half(year: number, which: 1 | 2): string;
    /** Whole months within a year: "2023年1月至9月" / "January–September 2023". */
    months(year: number, from: { month: number; name: string }, to: { month: number; name: string }): string;
  };
  /** A reference point of a series: mid-2023 → "2023年年中" / "mid-2023". */
  period(when: "mid" | "end", year: string): string;
  /** Joins a list: "A、B和C" / "A, B and C". */
  list(items: readonly string[]): string;
  /** Words for exhibits: "圖"/"Figure". */
  exhibitWord: { figure: string; table: string };
  /** An exhibit's label from its word and number: "圖1" / "Figure 1". */
  exhibitLabel(word: string, number: number): string;
  /** A reference to an exhibit in running text: "【圖1】" / "Figure 1". */
  exhibitRef(word: string, number: number): string;
  /** Adds soft hyphens to prose HTML where a line may break; undefined for none. */
  hyphenate?(html: string): string;
  /**
   * Keeps on one line what a line must not part ("30 June", "et al. (2022)", 7月31日): with no-break
   * spaces, or an HTML span of class nobr. Applied to prose text between tags, never to markup.
   */
  bindSpaces?(text: string): string;
  /** Font families: Latin face first, then the face for this script. */
  fonts: { serif: readonly string[]; sans: readonly string[] };
  /** Words of the generated note on what an edition says differently from the published chapter. */
  figuresNote: {
    title: string;
    /** Opens the note; `book` is the book the chapter first appeared in. */
    intro(book: string): string;
    /** One difference: its name, the published and the current value or wording, and why. */
    entry(e: { label: string; published: string; current: string; reason: string }): string;
    reasons: Record<"corrected-arithmetic" | "revised-official-data" | "different-sample-cut" | "new-data", string>;
    /** When nothing records why (check warns): "reason not recorded". */
    unrecorded: string;
  };
  /** Follows a sentence resting on illustrative data: " (illustrative data)" / "（示意數據）". */
  illustrativeMark: string;
}

/** Defines a locale (a chapter may define its own and list it in `defineChapter({ locales })`). */
export function defineLocale(locale: Locale): Locale {
  return locale;
}
