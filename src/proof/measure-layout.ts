/**
 * Measures a laid-out document in its printing tab for the proofreader: runs measure-pages.js in
 * the page (after Paged.js, before Chromium prints) and returns its PageLayout.
 */
import { readFileSync } from "node:fs";
import type { Page } from "puppeteer-core";
import { PrintError } from "../errors.ts";
import type { MeasureOptions, PageLayout } from "./page-layout.ts";

const SCRIPT = new URL("./measure-pages.js", import.meta.url);
let source: string | undefined;

/** The pages of the document laid out in `page`, measured. */
export async function measureLayout(page: Page, options: MeasureOptions): Promise<PageLayout> {
  source ??= readFileSync(SCRIPT, "utf8");
  // A string, not a function: tsx would rewrite a function with helpers the page does not have.
  try {
    return (await page.evaluate(`(${source.replace(/^\/\*[\s\S]*?\*\/\s*/, "").replace(/;\s*$/, "")})(${JSON.stringify(options)})`)) as PageLayout;
  } catch (err) {
    // The page's own message (an unusable setting names its field in edition.yaml).
    throw new PrintError(`the proofreader could not measure the pages: ${(err as Error).message.split("\n")[0]}`, { cause: err });
  }
}
