/**
 * Rewrites a data folder's catalog.yaml so the entries of derived series say where they now come
 * from: provenance `derived` (from a licensed extract) or `synthetic` (from `greenbook synth`),
 * and the matching source line. Comments and every other entry are kept as they are.
 */
import { parseDocument } from "yaml";
import { DataError } from "../errors.ts";
import { messages } from "../messages.ts";

export type DerivedProvenance = "derived" | "synthetic";

/** The catalog text with `entries` marked; throws when an entry does not exist. */
export function markCatalog(text: string, file: string, entries: readonly string[], provenance: DerivedProvenance, source: { en: string; "zh-HK": string }): string {
  const doc = parseDocument(text);
  const missing = entries.filter((e) => !doc.hasIn([e]));
  if (missing.length) throw new DataError(missing.map((e) => ({ file, message: messages.noCatalogEntry(e, `${e}.csv`) })));
  for (const entry of entries) {
    doc.setIn([entry, "provenance"], provenance);
    const node = doc.createNode({ en: source.en, "zh-HK": source["zh-HK"] }, { flow: true });
    doc.setIn([entry, "source"], node);
  }
  return doc.toString({ lineWidth: 0 });
}
