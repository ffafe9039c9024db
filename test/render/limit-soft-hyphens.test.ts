import { describe, expect, it } from "vitest";
import { limitSoftHyphens } from "../../src/render/limit-soft-hyphens.ts";

const S = "\u00ad";
/** Writes soft hyphens as "~" for readable cases. */
const shy = (s: string) => s.replaceAll("~", S);
const show = (s: string) => s.replaceAll(S, "~");

describe("limitSoftHyphens", () => {
  it.each([
    ["gov~ern~ment", "gov~ern~ment"],
    ["re~veal", "reveal"], // 6 letters, but "re" leaves 2 before the break
    ["meas~ure", "meas~ure"],
    ["de~gree", "degree"], // "de" is 2 letters
    ["hous~ing", "hous~ing"],
    ["loc~ated", "loc~ated"],
    ["rank~ing", "rank~ing"],
    ["un~til", "until"], // 5 letters: never broken
    ["inter~nation~al", "inter~national"], // "al" would go over alone
    ["Linked~In", "LinkedIn"], // brand name
    ["Main~land’s", "Mainland’s"], // proper noun
    ["Ja~pan~ese", "Japanese"],
    ["COVID", "COVID"],
  ])("%s → %s", (input, expected) => {
    expect(show(limitSoftHyphens(shy(input)))).toBe(expected);
  });

  it("leaves tags, attributes and words without soft hyphens as they are", () => {
    const html = shy('<p class="lead"><a href="#fig~1">Figure 1</a> com~par~ing Linked~In and gov~ern~ment.</p>');
    expect(show(limitSoftHyphens(html))).toBe('<p class="lead"><a href="#fig~1">Figure 1</a> com~par~ing LinkedIn and gov~ern~ment.</p>');
  });
});
