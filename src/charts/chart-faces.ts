/** The faces the charts are set in: the sans families of a language, in every weight the theme uses, upright. */
import { loadFontFaces, type FontFace } from "../fonts/font-faces.ts";
import { CHART_FONT_WEIGHTS } from "./theme.ts";

/** The chart faces of `fontFamilies` (a language's sans stack), in declaration order. */
export function chartFaces(fontFamilies: readonly string[]): FontFace[] {
  const families = new Set<string>(fontFamilies);
  const weights = new Set<number>(CHART_FONT_WEIGHTS);
  return loadFontFaces().filter((f) => families.has(f.family) && weights.has(f.weight) && f.style === "normal");
}
