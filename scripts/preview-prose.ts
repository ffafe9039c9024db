// Development aid: renders one language's chapter prose (no layout, no charts) to stdout as HTML,
// with the sequence of claims and references used. `node bin/run-ts.js scripts/preview-prose.ts en`
import { evaluateClaims } from "../src/claims/evaluate-claims.ts";
import type { Lang } from "../src/data/edition.ts";
import { loadDataset } from "../src/data/load-dataset.ts";
import { loadTemplates } from "../src/render/load-templates.ts";
import { renderNotesList } from "../src/render/markdown.ts";
import { createProseRenderer } from "../src/render/render-prose.ts";
import { computeStats } from "../src/stats/compute-stats.ts";

const lang = (process.argv[2] ?? "en") as Lang;
const dataset = loadDataset(process.argv[3] ?? "data");
const stats = computeStats(dataset);
const templates = loadTemplates("templates", [lang]).languages.get(lang)!;
const r = createProseRenderer({ dataset, stats, claims: evaluateClaims(stats), templates, target: "screen" });
for (const section of templates.sections) {
  console.log(`<!-- ${section.file} -->`);
  console.log(r.block(section));
}
for (const [id, ex] of Object.entries(templates.exhibits)) {
  console.log(`<!-- exhibit ${id} --><p>${r.inline({ name: `${id}.caption`, file: "exhibits.yaml", text: ex.caption })}</p>`);
  if (ex.notes) console.log(r.block({ name: `${id}.notes`, file: "exhibits.yaml", text: ex.notes }));
  for (const [row, note] of Object.entries(ex.rowNotes ?? {})) console.log(`<p>${row}: ${r.inline({ name: `${id}.rowNotes.${row}`, file: "exhibits.yaml", text: `^[${note}]` })}</p>`);
}
console.log(renderNotesList(r.md, templates.strings.footnotes ?? "Notes"));
console.error(JSON.stringify(r.record, null, 1));
