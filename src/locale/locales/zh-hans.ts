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
});
