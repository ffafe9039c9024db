import { isMap, isNode, isScalar, LineCounter, parseDocument, type Document } from "yaml";
import type { z } from "zod";
import { DataError, type Problem } from "../errors.ts";
import { messages } from "../messages.ts";

/**
 * Parses YAML text and validates it with a zod schema. Every problem is reported with the
 * line of the offending field (or of its parent's key when the field is missing).
 */
export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw new DataError(
      doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line, message: messages.yamlSyntax(e.message.split("\n")[0] ?? "") })),
    );
  }
  const value: unknown = doc.toJS();
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const lineOfNode = (node: unknown) => (isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined);
  const problems: Problem[] = result.error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    // An unknown field is reported on its own line, not on the first line of the object holding it.
    let line = issue.code === "unrecognized_keys" && issue.keys[0] !== undefined ? lineOfNode(keyOf(doc, [...path, issue.keys[0]])) : undefined;
    for (let depth = path.length; depth >= 0 && line === undefined; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      // A missing field is reported on its parent's key line, not the line of the parent's first child.
      const at = depth < path.length && depth > 0 ? keyOf(doc, path.slice(0, depth)) ?? node : node;
      line = lineOfNode(at);
    }
    const field = path.join(".") || "(document)";
    const got = path.length ? getAt(value, path) : value;
    return { file, line, column: field, message: messages.yamlField(issue.message, got) };
  });
  throw new DataError(problems);
}

/** The key node of the map entry at `path`, when its parent is a map. */
function keyOf(doc: Document, path: (string | number)[]): unknown {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const name = path.at(-1);
  return parent.items.find((pair) => isScalar(pair.key) && pair.key.value === name)?.key;
}

function getAt(value: unknown, path: (string | number)[]): unknown {
  let v = value;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}
