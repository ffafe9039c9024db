import { isNode, LineCounter, parseDocument } from "yaml";
import type { z } from "zod";
import { DataError, type Problem } from "../errors.ts";
import { messages } from "../messages.ts";

/**
 * Parses YAML text and validates it with a zod schema. Every problem is reported with the
 * line of the offending field (or of its parent when the field is missing).
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
  const problems: Problem[] = result.error.issues.map((issue) => {
    const path = issue.path.map((p) => (typeof p === "symbol" ? String(p) : p));
    let line: number | undefined;
    for (let depth = path.length; depth >= 0 && line === undefined; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      if (isNode(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
    }
    const field = path.join(".") || "(document)";
    const got = path.length ? getAt(value, path) : value;
    return { file, line, column: field, message: messages.yamlField(issue.message, got) };
  });
  throw new DataError(problems);
}

function getAt(value: unknown, path: (string | number)[]): unknown {
  let v = value;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}
