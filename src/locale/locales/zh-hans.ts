/** Simplified Chinese (Mainland conventions). */
import { defineLocale } from "../locale.ts";
import { LATIN_SANS, LATIN_SERIF, SC_SANS, SC_SERIF } from "./fonts.ts";
import { hanCommon } from "./han.ts";

export const zhHans = defineLocale({
  tag: "zh-Hans",
  intl: "zh-Hans-CN",
  labelColumn: "zh_hans",
  ...hanCommon("人", "个百分点", "和", { wan: "万", yi: "亿" }),
  quotes: ["“", "”"],
  exhibitWord: { figure: "图", table: "表" },
  fonts: { serif: [LATIN_SERIF, SC_SERIF], sans: [LATIN_SANS, SC_SANS] },
  figuresNote: {
    title: "本版数字说明",
    intro: (book) => `本版所有数字均按数据重新计算。凡与《${book}》原载版本不同的数字或结论，均列于下文，并说明原因。`,
    entry: ({ label, published, current, reason }) => `**${label}**：原文为${published}；本版为${current}。原因：${reason}。`,
    reasons: {
      "corrected-arithmetic": "更正计算",
      "revised-official-data": "官方数据已修订",
      "different-sample-cut": "样本划分不同",
      "new-data": "采用新数据",
    },
    unrecorded: "未有记录",
  },
  illustrativeMark: "（示意数据）",
});
