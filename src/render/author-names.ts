import type { Dataset } from "../data/dataset.ts";
import type { Edition } from "../data/edition.ts";
import { localeOf } from "../locale/locale-of.ts";
import { escapeHtml } from "./escape.ts";

/**
 * Author names in a language: the author's own name in it, else (in a Latin-script language) the
 * romanisation edition.yaml records, else the name in the edition's first language (flagged by
 * `check` and the build; see bylineWarnings).
 */
export function authorNames(dataset: Pick<Dataset, "edition">, lang: string): string[] {
  return dataset.edition.authors.map((a) => nameIn(dataset.edition, a, lang).name);
}

function nameIn(edition: Edition, a: Edition["authors"][number], lang: string): { name: string; fallback: boolean } {
  const own = a[lang];
  if (own) return { name: own, fallback: false };
  if (a.romanised && localeOf(lang).script === "latin") return { name: a.romanised, fallback: false };
  return { name: a[edition.languages[0]!] ?? "", fallback: true };
}

/** The byline as HTML: names escaped, and a name printed in another script marked with its language. */
export function authorLineHtml(dataset: Pick<Dataset, "edition">, lang: string, join: (names: string[]) => string): string {
  const edition = dataset.edition;
  return join(
    edition.authors.map((a) => {
      const { name, fallback } = nameIn(edition, a, lang);
      return fallback ? `<span lang="${edition.languages[0]}">${escapeHtml(name)}</span>` : escapeHtml(name);
    }),
  );
}

/** A warning for each author an edition can only name in another language's script. */
export function bylineWarnings(edition: Edition, file = "edition.yaml"): string[] {
  const first = edition.languages[0]!;
  return edition.languages.slice(1).flatMap((lang) =>
    edition.authors.flatMap((a, i) =>
      nameIn(edition, a, lang).fallback
        ? [`byline: author ${i + 1} (${a[first]}) has no name in ${lang} (${file}: authors, "${lang}" or "romanised"): the ${lang} edition prints "${a[first]}" in ${first}, marked as ${first}; add the name the author publishes under, never a guess`]
        : [],
    ),
  );
}
