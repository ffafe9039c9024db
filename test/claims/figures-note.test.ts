/**
 * The note on the figures in this edition: it lists what the data say differently from the chapter
 * as first published (Shanghai, the Table 3 totals, the regional-headquarters conclusion and the
 * highly educated destinations), in both languages, with the reason; each line goes when its
 * cause goes. A claim resting on illustrative data is refused as a finding.
 */
import { afterAll, describe, expect, it } from "vitest";
import { loadDataset, type Dataset } from "../../src/data/load-dataset.ts";
import { findDivergences } from "../../src/reproduce/divergences.ts";
import { loadTemplates } from "../../src/render/load-templates.ts";
import { renderChapter } from "../../src/render/render-chapter.ts";
import { renderHandout } from "../../src/documents/render-handout.ts";
import { main } from "../../src/cli/main.ts";
import { chapter, computeStats, evaluateClaims, loadData, TEMPLATES_DIR } from "../helpers/chapter.ts";
import { copyData, removeDataCopies } from "../helpers/data-copy.ts";

afterAll(() => removeDataCopies());

const PLACEHOLDER = { svg: "<svg></svg>", description: "", illustrative: false, source: "" };

/** Everything a document is rendered from, for a data folder (default the shipped one) as known on `asOf`. */
function edition(dataDir?: string, asOf?: string) {
  const dataset = loadDataset(chapter, dataDir ?? chapter.dataDir, { asOf });
  const stats = computeStats(dataset);
  const claims = evaluateClaims(stats);
  const templates = loadTemplates(chapter, dataset.edition.languages, TEMPLATES_DIR);
  return { dataset, stats, claims, templates };
}

/** The note's text in one language (empty when there is no note). */
function note(dataDir: string | undefined, lang: string, asOf?: string): string {
  const e = edition(dataDir, asOf);
  const charts = new Map(chapter.exhibits.filter((x) => x.kind === "figure").map((x) => [x.id, PLACEHOLDER]));
  const { html } = renderChapter({ chapter, ...e, lang, charts, target: "screen", fontSrc: () => "" });
  const section = /<section class="appendix figures-note" id="figures-note">([\s\S]*?)<\/section>/.exec(html);
  return (section?.[1] ?? "").replace(/<[^>]+>/g, "").replace(/\u00ad/g, "").replace(/\s+/g, " ");
}

const LINES = {
  shanghai: { en: "Change in Shanghai’s foreign", "zh-HK": "上海外籍及港澳台居民人數變化" },
  table3: { en: "Users who stayed, in Table 3", "zh-HK": "表3的留港者人數" },
  rhq: { en: "Regional headquarters: Mainland against American and Japanese", "zh-HK": "地區總部增減能否相抵" },
  educated: { en: "Where Hong Kong loses most highly educated users", "zh-HK": "高學歷人才淨流失最多的地區" },
} as const;

describe("the note on the figures", () => {
  it("lists Shanghai, the Table 3 totals, the regional headquarters and the highly educated destinations in both languages", () => {
    const en = note(undefined, "en");
    const zh = note(undefined, "zh-HK");
    expect(en).toContain("Note on the figures in this edition");
    expect(zh).toContain("本版數字說明");
    for (const line of Object.values(LINES)) {
      expect(en).toContain(line.en);
      expect(zh).toContain(line["zh-HK"]);
    }
    // Printed and current values, and the reason in words.
    expect(en).toMatch(/First published: −18%\. This edition: −21%\. Reason: corrected arithmetic/);
    expect(en).toMatch(/First published: 255,911\. This edition: 257,976\. Reason: a different sample cut/);
    expect(en).toContain("First published: Singapore, then United Kingdom. This edition: Canada, then Singapore.");
    expect(en).toMatch(/does not make up for the fall in American and Japanese ones \(82\)/);
    expect(zh).toMatch(/原文為−18%；本版為−21%。原因：更正計算/);
    // The population as known when the edition came out matches the published 7.50 million: no line.
    expect(en).not.toContain("latest population estimate");
  });

  const causes: [keyof typeof LINES, Record<string, (t: string) => string>][] = [
    // Shanghai's 2020 count set to what the printed −18% implies (and the count as printed with it).
    [
      "shanghai",
      {
        "mainland-census.csv": (t) => t.replace("shanghai,2020,foreign-and-hkmt,163954", "shanghai,2020,foreign-and-hkmt,171054"),
        "published.csv": (t) => t.replace('shanghai-foreign-2020,"164,000",164000', 'shanghai-foreign-2020,"171,000",171000'),
      },
    ],
    // The published totals of Table 3 set to its rows' sums.
    ["table3", { "published.csv": (t) => t.replace('"255,911 (text total; Table 3 rows)",255911', '"257,976",257976') }],
    // Mainland headquarters up by as many as the American and Japanese ones fell.
    ["rhq", { "rhq.csv": (t) => t.replace("2022,mainland,251", "2022,mainland,279"), "published.csv": (t) => t.replace("rhq-mainland-change,+27%,27,", "rhq-mainland-change,+42%,42,") }],
    // Canada's highly educated loss cut below Singapore's and the United Kingdom's.
    ["educated", { "region-flows.csv": (t) => t.replace(/^canada,(\d+),(\d+),(\d+),(\d+)$/m, (_m, l, j, el, ej) => `canada,${l},${j},${el},${Number(el) - 10}`) }],
  ];
  for (const [cause, edits] of causes) {
    it(`drops the ${cause} line when its cause is removed, and keeps the others`, () => {
      const dir = copyData(edits);
      for (const lang of ["en", "zh-HK"] as const) {
        const text = note(dir, lang);
        expect(text).not.toContain(LINES[cause][lang]);
        for (const [other, line] of Object.entries(LINES)) if (other !== cause) expect(text).toContain(line[lang]);
      }
    });
  }

  it("finds exactly these six differences on the shipped data", () => {
    const e = edition();
    const divergences = findDivergences(chapter, e.dataset, e.stats, e.claims);
    expect(divergences.map((d) => d.id).sort()).toEqual(["educated-largest-losses", "mainland-rhq-offsets", "shanghai-foreign-change", "table3-joined-total", "table3-left-total", "table3-stayed-total"]);
  });

  it("lists the revised population and the flipped conclusion for data as known in March 2025", () => {
    const en = note(undefined, "en", "2025-03-01");
    expect(en).toMatch(/Hong Kong’s latest population estimate\. First published: 7\.50 million\. This edition: 7\.54 million\. Reason: revised official data/);
    expect(en).toMatch(/Hong Kong’s population against its pre-pandemic peak\. First published: almost back to its pre-pandemic peak\. This edition: back to its pre-pandemic level\. Reason: revised official data/);
    const zh = note(undefined, "zh-HK", "2025-03-01");
    expect(zh).toContain("原文為750萬；本版為754萬。原因：官方數據已修訂");
  });

  it("warns when a difference has no reason, and the note says it is not recorded", async () => {
    const dir = copyData({ "published.csv": (t) => t.replace(",different-sample-cut\ntable3-joined-total", ",\ntable3-joined-total") });
    const lines: string[] = [];
    const code = await main(["check", "--data", dir, "--no-proof"], { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) });
    expect(code).toBe(0);
    expect(lines.join("\n")).toMatch(/published\.csv:5: column "reason": "table3-stayed-total" differs from the published chapter and nothing says why/);
    expect(note(dir, "en")).toMatch(/First published: 255,911\. This edition: 257,976\. Reason: not recorded: the text’s total/);
  });
});

describe("illustrative data are never a finding", () => {
  it("refuses the US handout finding when region-flows is illustrative", async () => {
    const dir = copyData({ "catalog.yaml": (t) => t.replace(/(region-flows:\n(?:.*\n)*?  provenance: )published/, "$1illustrative") });
    const e = edition(dir);
    expect(() => renderHandout({ chapter, ...e, lang: "en", chart: PLACEHOLDER, target: "screen", fontSrc: () => "" })).toThrow(
      /handout\/findings\.md: claim "us-largest-net-source#handout" rests on illustrative data \(region-flows\) and cannot be stated as a finding/,
    );
    const lines: string[] = [];
    const code = await main(["check", "--data", dir], { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) });
    expect(code).toBe(1);
    expect(lines.join("\n")).toContain('claim "us-largest-net-source#handout" rests on illustrative data (region-flows)');
  });

  it("refuses an illustrative chart on the handout", () => {
    const dir = copyData({ "catalog.yaml": (t) => t.replace(/(population:\n(?:.*\n)*?  provenance: )official/, "$1illustrative") });
    const e = edition(dir);
    expect(() => renderHandout({ chapter, ...e, lang: "zh-HK", chart: PLACEHOLDER, target: "screen", fontSrc: () => "" })).toThrow(/handout: the chart "fig2-compact" is drawn from illustrative data \(population\)/);
  });

  it("says so where the chapter states a claim on illustrative data", () => {
    const e = edition();
    const charts = new Map(chapter.exhibits.filter((x) => x.kind === "figure").map((x) => [x.id, PLACEHOLDER]));
    const en = renderChapter({ chapter, ...e, lang: "en", charts, target: "screen", fontSrc: () => "" }).html;
    expect(en.replace(/\u00ad/g, "")).toMatch(/older, more experienced ones are arriving \(illustrative data\)\./);
    const zh = renderChapter({ chapter, ...e, lang: "zh-HK", charts, target: "screen", fontSrc: () => "" }).html;
    // Markup removed: a closing bracket before punctuation is set in a half-width span.
    expect(zh.replace(/<[^>]+>/g, "")).toContain("年紀較大的組別則錄得淨流入（示意數據）。");
  });

  it("knows the series behind every claim", () => {
    const claims = evaluateClaims(computeStats(loadData()));
    expect(claims.get("us-largest-net-source")!.series).toEqual(["region-flows"]);
    expect(claims.get("young-leave-older-arrive")!.series).toEqual(["age-flows"]);
    expect(claims.get("hk-most-international-chinese-city")!.series).toEqual(["hk-foreign-residents", "mainland-census", "population"]);
  });
});
