/**
 * `greenbook check`: every claim with its outcome and wording per language, parity between the
 * editions (and a failure when one edition drops a claim), and the reproduction report of the
 * figures printed in the published chapter.
 */
import { cpSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { afterAll, expect, it } from "vitest";
import { main } from "../../src/cli/main.ts";
import { CLAIMS } from "../../chapters/brain-drain/claims.ts";
import { TEMPLATES_DIR } from "../helpers/chapter.ts";
import { makeTempDir, removeDataCopies } from "../helpers/data-copy.ts";

afterAll(() => removeDataCopies());

async function check(args: string[] = []) {
  const lines: string[] = [];
  const code = await main(["check", ...args], { stdout: (l) => lines.push(l), stderr: (l) => lines.push(l) });
  return { code, text: lines.join("\n") };
}

it("lists every claim with its outcome and the wording chosen in each language", async () => {
  const { code, text } = await check();
  expect(code).toBe(0);
  for (const c of CLAIMS) expect(text).toMatch(new RegExp(`${c.id} = \\w`));
  expect(text).toContain("joiners-exceed-leavers = true");
  expect(text).toMatch(/\n\s+zh-HK: .*來港者有31,835人/);
  expect(text).toMatch(/\n\s+en: .*255,911/);
  expect(text).toMatch(/\n\s+en \[intro\]: /);
  expect(text).toContain("parity: the editions use the same claims, references and footnotes in the same order");
});

it("--json gives claims, parity and the reproduction report to scripts", async () => {
  const { code, text } = await check(["--json"]);
  expect(code).toBe(0);
  const report = JSON.parse(text);
  expect(report.ok).toBe(true);
  expect(report.claims).toHaveLength(CLAIMS.length);
  const shanghai = report.reproduction.find((r: { id: string }) => r.id === "shanghai-foreign-change");
  expect(shanghai).toMatchObject({ printed: "約−18%", published: -18, matches: false });
  expect(shanghai.recomputed).toBeCloseTo(-21.403, 3);
  expect(report.reproduction.find((r: { id: string }) => r.id === "rhq-us-change")).toMatchObject({ published: -17, rounded: -17, matches: true });
});

it("reports published figures the data no longer reproduce, with both values", async () => {
  const { text } = await check();
  expect(text).toContain("shanghai-foreign-change: printed 約−18% → recomputed -21.403");
  // The mid-2023 population as known on the release date is the provisional 7.50 million, as printed.
  expect(text).not.toContain("population-latest: printed");
  expect(text).toContain("table3-stayed-total: printed 255,911 (text total; Table 3 rows) → recomputed 257,976");
  expect(text).not.toContain("rhq-us-change: printed");
});

it("fails parity when one edition drops a claim, naming the section and both sequences", async () => {
  const templates = makeTempDir("greenbook-templates-");
  cpSync(TEMPLATES_DIR, templates, { recursive: true });
  const file = path.join(templates, "en", "chapter", "05-international.md");
  const text = readFileSync(file, "utf8");
  expect(text).toContain('{{claim "hk-foreign-residents-up"}}');
  writeFileSync(file, text.replace('{{claim "hk-foreign-residents-up"}}', ""));
  const { code, text: out } = await check(["--templates", templates]);
  expect(code).toBe(1);
  expect(out).toContain("parity: FAILED");
  expect(out).toMatch(/section 5 \(05-international \/ 05-international\): claims differ/);
  expect(out).toMatch(/en: .*hk-leads-mainland-cities-human-capital, mainland-cities-foreign-down/);
});
