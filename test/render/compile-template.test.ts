/**
 * Templates are compiled once per process: a second render of the chapter, with its templates read
 * again from disk as watch does, compiles nothing and gives the same HTML; a changed template is
 * compiled again, and only it.
 */
import Handlebars from "handlebars";
import { afterEach, describe, expect, it, vi } from "vitest";
import { compileTemplateSpec } from "../../src/render/compile-template.ts";
import { createTemplateEnv, renderTemplate } from "../../src/render/template-env.ts";
import { DATA_DIR, loadData, TEMPLATES_DIR } from "../helpers/chapter.ts";
import { chapterText } from "../helpers/render-text.ts";

afterEach(() => vi.restoreAllMocks());

describe("templates compiled once per process", () => {
  it("a second render of the chapter (templates reloaded, as on a watch rebuild) compiles no template", () => {
    const dataset = loadData(DATA_DIR);
    const compile = vi.spyOn(Handlebars, "precompile");
    const first = chapterText(dataset, "en", TEMPLATES_DIR, "print");
    const firstCompiles = compile.mock.calls.length;
    expect(firstCompiles).toBeGreaterThan(20); // layout, partials, sections, captions, claim wordings
    const second = chapterText(dataset, "en", TEMPLATES_DIR, "print");
    expect(compile.mock.calls.length - firstCompiles).toBe(0);
    expect(second).toBe(first);
    // The other language's prose is new text, so it is compiled; its shared layout and partials are not.
    const before = compile.mock.calls.length;
    chapterText(dataset, "zh-HK", TEMPLATES_DIR, "print");
    const compiledTexts = compile.mock.calls.slice(before).map((c) => String(c[0]));
    expect(compiledTexts.some((t) => t.includes("<!doctype html>") || t.includes("<html"))).toBe(false);
  });

  it("compiles a changed template again, and renders each version with its own text", () => {
    const compile = vi.spyOn(Handlebars, "precompile");
    const hb = createTemplateEnv({ lang: "en", labels: new Map(), claims: new Map() as never, claimWording: {}, claimsFile: "", exhibits: new Map(), strings: {}, record: { claims: [], refs: [] } });
    const v1 = { name: "t", file: "t.md", text: `unique-${process.pid} {{a}}` };
    const v2 = { ...v1, text: `unique-${process.pid} {{a}}!` };
    expect(renderTemplate(hb, v1, { a: 1 })).toBe(`unique-${process.pid} 1`);
    expect(renderTemplate(hb, v2, { a: 2 })).toBe(`unique-${process.pid} 2!`);
    // A fresh environment (every render makes one) binds the spec it already has.
    const hb2 = createTemplateEnv({ lang: "en", labels: new Map(), claims: new Map() as never, claimWording: {}, claimsFile: "", exhibits: new Map(), strings: {}, record: { claims: [], refs: [] } });
    expect(renderTemplate(hb2, v1, { a: 3 })).toBe(`unique-${process.pid} 3`);
    expect(compile.mock.calls.map((c) => c[0])).toEqual([v1.text, v2.text]);
    expect(compileTemplateSpec(v2.text)).toBe(compileTemplateSpec(v2.text));
  });

  it("keeps strict mode: a missing value still fails, naming the file and line", () => {
    const hb = createTemplateEnv({ lang: "en", labels: new Map(), claims: new Map() as never, claimWording: {}, claimsFile: "", exhibits: new Map(), strings: {}, record: { claims: [], refs: [] } });
    expect(() => renderTemplate(hb, { name: "x", file: "templates/en/chapter/x.md", text: "a\n{{nope.deeper}}", line: 1 }, {})).toThrow(/templates\/en\/chapter\/x\.md:2: .*"nope" is not defined/);
  });
});
