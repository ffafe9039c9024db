/**
 * Which font file draws each character, chosen the way CSS does: walk the font stack; in each
 * family take the face the weight and style rules pick (CSS Fonts 4 §5.2: for 400–500 try up to
 * 500, then lighter, then heavier; above 500 heavier first; below 400 lighter first; italic falls
 * back to the upright face); among that face's files, the one whose unicode-range includes the
 * character and whose cmap has it. A character no file draws is left out (the data checks refuse
 * such text before a build gets here).
 */
import type { FaceText } from "./collect-face-text.ts";
import type { FontFace } from "./font-faces.ts";
import { hasGlyph } from "./glyph-coverage.ts";

/** Characters drawn in every face a document uses, whatever its text: spaces, the hyphens a line break adds, digits and common punctuation. */
export const ALWAYS_DRAWN = " \u00a0-\u2010\u2011\u2013\u2014\u2212%().,:;!?'\"\u2018\u2019\u201c\u201d\u2026·0123456789";

/** The weight CSS picks from `available` for `wanted`. */
export function matchWeight(wanted: number, available: readonly number[]): number | undefined {
  const asc = [...new Set(available)].sort((a, b) => a - b);
  const lighter = asc.filter((w) => w < wanted).reverse();
  const heavier = asc.filter((w) => w > wanted);
  if (asc.includes(wanted)) return wanted;
  if (wanted >= 400 && wanted <= 500) {
    const upTo500 = heavier.filter((w) => w <= 500);
    return upTo500[0] ?? lighter[0] ?? heavier.find((w) => w > 500);
  }
  return wanted > 500 ? (heavier[0] ?? lighter[0]) : (lighter[0] ?? heavier[0]);
}

/** The files of `family` CSS would use for a weight and style (all unicode-range pieces of one face). */
function pickFace(faces: readonly FontFace[], family: string, weight: number, style: "normal" | "italic"): FontFace[] {
  const ofFamily = faces.filter((f) => f.family === family);
  const styled = ofFamily.filter((f) => f.style === style);
  const pool = styled.length ? styled : ofFamily.filter((f) => f.style === "normal");
  const w = matchWeight(weight, pool.map((f) => f.weight));
  return pool.filter((f) => f.weight === w);
}

/** The code points each font file draws for `texts` (with ALWAYS_DRAWN added to every request); files that draw nothing are absent. */
export function assignGlyphs(texts: readonly FaceText[], faces: readonly FontFace[]): Map<FontFace, Set<number>> {
  const out = new Map<FontFace, Set<number>>();
  for (const request of texts) {
    const stack = request.families.map((family) => pickFace(faces, family, request.weight, request.style));
    for (const ch of new Set(request.text + ALWAYS_DRAWN)) {
      const cp = ch.codePointAt(0)!;
      for (const files of stack) {
        const file = files.find((f) => hasGlyph(f, cp));
        if (!file) continue;
        let set = out.get(file);
        if (!set) out.set(file, (set = new Set()));
        set.add(cp);
        break;
      }
    }
  }
  return out;
}
