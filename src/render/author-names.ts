import type { Dataset } from "../data/load-dataset.ts";

/** Author names in a language; an author without a name in that language keeps the edition's first language's. */
export function authorNames(dataset: Pick<Dataset, "edition">, lang: string): string[] {
  const first = dataset.edition.languages[0]!;
  return dataset.edition.authors.map((a) => a[lang] ?? a[first] ?? "");
}
