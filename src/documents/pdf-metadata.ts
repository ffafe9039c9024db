import { greenbookVersion } from "../archive/tool-versions.ts";
import type { Dataset } from "../data/load-dataset.ts";
import { localeOf } from "../locale/locale-of.ts";
import type { PdfMetadata } from "../print/finish-pdf.ts";
import { authorNames } from "../render/author-names.ts";

/** The chapter's full title in a language: "title：subtitle" / "title: subtitle". */
export function chapterFullTitle(dataset: Dataset, lang: string): string {
  const c = dataset.edition.chapter;
  return `${c.title[lang]}${localeOf(lang).colon}${c.subtitle[lang]}`;
}

/** What every PDF of the edition says about itself; `title` defaults to the chapter's full title. */
export function editionPdfMetadata(dataset: Dataset, lang: string, date: Date, title = chapterFullTitle(dataset, lang)): PdfMetadata {
  const edition = dataset.edition;
  return {
    title,
    authors: authorNames(dataset, lang),
    subject: edition.book[lang] ?? "",
    keywords: edition.keywords[lang] ?? [],
    lang,
    version: edition.version,
    dataHash: dataset.sha256,
    generator: greenbookVersion(),
    date,
  };
}
