import type { Chapter } from "../chapter/define-chapter.ts";
import type { Claims } from "../claims/evaluate-claims.ts";
import type { Dataset } from "../data/dataset.ts";
import type { TemplateSet } from "./load-templates.ts";

/** What every document of an edition is made from, in one language. */
export interface DocumentInput {
  chapter: Chapter;
  dataset: Dataset;
  stats: unknown;
  claims: Claims;
  templates: TemplateSet;
  lang: string;
}
