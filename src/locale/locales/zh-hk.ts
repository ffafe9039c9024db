/** Traditional Chinese as written in Hong Kong. */
import { defineLocale } from "../locale.ts";
import { HK_SANS, HK_SERIF, LATIN_SANS, LATIN_SERIF } from "./fonts.ts";
import { hanCommon } from "./han.ts";

export const zhHK = defineLocale({
  tag: "zh-HK",
  intl: "zh-HK",
  labelColumn: "zh_hk",
  ...hanCommon("人", "個百分點", "和", { wan: "萬", yi: "億" }),
  quotes: ["「", "」"],
  exhibitWord: { figure: "圖", table: "表" },
  fonts: { serif: [LATIN_SERIF, HK_SERIF], sans: [LATIN_SANS, HK_SANS] },
  figuresNote: {
    title: "本版數字說明",
    intro: (book) => `本版所有數字均按數據重新計算。凡與《${book}》原載版本不同的數字或結論，均列於下文，並說明原因。`,
    entry: ({ label, published, current, reason }) => `**${label}**：原文為${published}；本版為${current}。原因：${reason}。`,
    reasons: {
      "corrected-arithmetic": "更正計算",
      "revised-official-data": "官方數據已修訂",
      "different-sample-cut": "樣本劃分不同",
      "new-data": "採用新數據",
    },
    unrecorded: "未有記錄",
  },
  illustrativeMark: "（示意數據）",
});
