import { describe, expect, it } from "vitest";
import { normalizeSvg } from "../../src/charts/normalize-svg.ts";

describe("normalizeSvg", () => {
  const svg =
    '<svg width="100" height="50"><defs><clipPath id="clip7"><rect x="0.123456" y="1" width="10.5049" height="3"/></clipPath>' +
    '<linearGradient id="gradient_3"/></defs><g clip-path="url(#clip7)" transform="translate(12.3456789,0.0000001)"><path d="M1.23456,2.5L3,4Z" fill="url(#gradient_3)"/>' +
    '<text transform="translate(1,2)">3.14159 is kept</text><use href="#clip7"/></g></svg>';

  it("renames ids in order of appearance under the prefix, with every reference", () => {
    const out = normalizeSvg(svg, "fig1-en");
    expect(out).toContain('id="fig1-en-1"');
    expect(out).toContain('id="fig1-en-2"');
    expect(out).toContain('clip-path="url(#fig1-en-1)"');
    expect(out).toContain('fill="url(#fig1-en-2)"');
    expect(out).toContain('href="#fig1-en-1"');
    expect(out).not.toMatch(/clip7|gradient_3/);
  });

  it("rounds geometry to two decimals but leaves text alone", () => {
    const out = normalizeSvg(svg, "x");
    expect(out).toContain('x="0.12"');
    expect(out).toContain('width="10.5"');
    expect(out).toContain('transform="translate(12.35,0)"');
    expect(out).toContain('d="M1.23,2.5L3,4Z"');
    expect(out).toContain(">3.14159 is kept<");
  });

  it("gives two languages of one figure disjoint ids", () => {
    const a = normalizeSvg(svg, "fig1-en");
    const b = normalizeSvg(svg, "fig1-zh-HK");
    const ids = (s: string) => [...s.matchAll(/id="([^"]+)"/g)].map((m) => m[1]);
    expect(ids(a).filter((id) => ids(b).includes(id))).toEqual([]);
  });

  it("is idempotent", () => {
    const once = normalizeSvg(svg, "p");
    expect(normalizeSvg(once, "p")).toBe(once);
  });
});
