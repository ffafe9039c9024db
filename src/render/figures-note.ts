/**
 * The note on the figures in this edition (「本版數字說明」): generated from the divergences between
 * the data and the chapter as first published, in the edition's language. It exists only when
 * there is something to say, and changes with the data.
 */
import type { Dataset } from "../data/dataset.ts";
import { TemplateError } from "../errors.ts";
import { localeOf } from "../locale/locale-of.ts";
import type { Divergence, FigureDivergence } from "../reproduce/divergences.ts";
import { escapeForMarkdownSource } from "./escape.ts";
import { formatLarge, formatNumber, formatPercent } from "./format-number.ts";
import type { NotesText } from "./load-templates.ts";
import type { ProseRenderer } from "./render-prose.ts";

/** A published figure's value written as the chapter printed it (at its printed precision). */
function formatFigure(d: FigureDivergence, value: number, lang: string): string {
  const decimals = Math.max(d.decimals, 0);
  const rounded = d.decimals < 0 ? Math.round(value / 10 ** -d.decimals) * 10 ** -d.decimals : value;
  switch (d.unit) {
    case "percent":
      return formatPercent(rounded / 100, lang, decimals);
    case "million":
      return formatLarge(rounded * 1e6, lang);
    case "ratio":
    case "count":
      return formatNumber(rounded, lang, decimals);
  }
}

/** The note as HTML, or undefined when this edition says nothing differently. */
export function renderFiguresNote(input: { divergences: readonly Divergence[]; notes: NotesText | undefined; notesFile: string; prose: ProseRenderer; dataset: Dataset; lang: string }): string | undefined {
  const { divergences, notes, prose, dataset, lang } = input;
  if (!divergences.length) return undefined;
  const locale = localeOf(lang);
  const words = locale.figuresNote;
  if (!notes) throw new TemplateError(`${input.notesFile}: the file is missing; the note on the figures needs a name for ${divergences.map((d) => `"${d.id}"`).join(", ")}`);
  const render = (name: string, text: string, extra: Record<string, unknown> = {}) => prose.textWith({ name, file: notes.file, text }, extra);
  const entries = divergences.map((d) => {
    const text = d.kind === "figure" ? notes.figures[d.id] : notes.claims[d.id];
    if (!text) throw new TemplateError(`${notes.file}: no entry for ${d.kind === "figure" ? "figures" : "claims"}.${d.id}, which differs from the published chapter; give it a label`);
    let published: string;
    let current: string;
    if (d.kind === "figure") {
      published = formatFigure(d, d.published, lang);
      current = formatFigure(d, d.current, lang);
    } else {
      const wording = notes.claims[d.id]!.wording;
      const say = (side: "published" | "current") => {
        const { outcome, facts } = d[side];
        const w = wording[outcome];
        if (w === undefined) throw new TemplateError(`${notes.file}: claims.${d.id}.wording has no wording for outcome "${outcome}"`);
        return render(`claims.${d.id}.wording.${outcome}`, w, { facts });
      };
      published = say("published");
      current = say("current");
    }
    const why = text.why === undefined ? "" : `${locale.colon.trim() === ":" ? ": " : locale.colon}${render(`${d.kind}s.${d.id}.why`, text.why)}`;
    return `- ${words.entry({ label: render(`${d.kind}s.${d.id}.label`, text.label), published, current, reason: `${d.reason ? words.reasons[d.reason] : words.unrecorded}${why}` })}`;
  });
  const book = escapeForMarkdownSource(dataset.edition.book[lang] ?? "");
  return prose.markdown([`### ${words.title}`, "", words.intro(book), "", ...entries, ""].join("\n"));
}
