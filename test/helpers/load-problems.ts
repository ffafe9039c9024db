import { loadDataset } from "../../src/data/load-dataset.ts";
import { DataError, formatProblem } from "../../src/errors.ts";
import { chapter } from "./chapter.ts";

/**
 * Loads `dir`, expecting it to fail, and returns every problem as the user sees it, with the
 * folder written as `<data>` (temp folders are outside the working directory, so the loader
 * prints their absolute path).
 */
export function loadProblems(dir: string): string[] {
  let err: unknown;
  try {
    loadDataset(chapter, dir);
  } catch (e) {
    err = e;
  }
  if (err === undefined) throw new Error(`expected ${dir} to fail to load, but it loaded`);
  if (!(err instanceof DataError)) throw err;
  return err.problems.map((p) => formatProblem(p).split(dir).join("<data>"));
}
