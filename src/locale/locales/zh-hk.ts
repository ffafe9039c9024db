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
});
