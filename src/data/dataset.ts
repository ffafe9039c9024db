/** The validated data of a chapter: the input of every stage after loading. */
import type { Columns, Row } from "./define-series.ts";
import type { Catalog, Edition } from "./edition.ts";
import type { PublishedRow } from "./standard-series.ts";

/** A data file as read: where it is, as shown to users, its bytes and their hash. */
export interface DataFile {
  name: string;
  absPath: string;
  displayPath: string;
  sha256: string;
  bytes: Uint8Array;
}

/** Everything under the data folder, read and validated: the input of every later stage. */
export interface Dataset {
  dir: string;
  edition: Edition;
  catalog: Catalog;
  /** Validated rows of each series, by the chapter's key. */
  tables: Record<string, Row<Columns>[]>;
  published: PublishedRow[];
  /** Labels by key (e.g. `region:us`), per language. */
  labels: Map<string, Record<string, string>>;
  files: DataFile[];
  /** Hash of all input files together: names the data snapshot. */
  sha256: string;
  /** The date the data are taken as known on: rows published later are left out (default the release date). */
  asOf: string;
  /** For each series with release dates: the latest release it uses, and how many rows came out later. */
  vintages: Record<string, { latest: string | undefined; later: number }>;
}

