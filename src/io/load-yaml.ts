import { isAlias, isMap, isNode, isScalar, LineCounter, parseDocument, visit, type Document } from "yaml";
import type { z } from "zod";
import { DataError, type Problem } from "../errors.ts";
import { messages } from "../messages.ts";
import { isNear } from "./is-near.ts";

type Path = (string | number)[];

/**
 * Parses YAML text and validates it with a zod schema. Every problem is reported with the
 * line of the offending field (or of its parent's key when the field is missing): a missing field
 * as `missing`, an unknown one by its own name (and as a misspelling of a missing one it resembles).
 */
export function parseYaml<S extends z.ZodType>(text: string, file: string, schema: S): z.output<S> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length) {
    throw new DataError(
      doc.errors.map((e) => ({ file, line: e.linePos?.[0]?.line ?? lineCounter.linePos(e.pos[0]).line, message: messages.yamlSyntax(e.message.split("\n")[0] ?? "") })),
    );
  }
  let value: unknown;
  try {
    value = doc.toJS();
  } catch (err) {
    // The yaml library refuses aliases that expand exponentially ("billion laughs"): a problem in the file, not a crash.
    let line: number | undefined;
    visit(doc, {
      Alias(_key, node) {
        if (isAlias(node) && node.range) line = lineCounter.linePos(node.range[0]).line;
        return visit.BREAK;
      },
    });
    throw new DataError([{ file, line, message: messages.yamlSyntax((err as Error).message) }], { cause: err });
  }
  const result = schema.safeParse(value ?? {});
  if (result.success) return result.data;
  const lineOfNode = (node: unknown) => (isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined);
  const lineOf = (path: Path): number | undefined => {
    let line: number | undefined;
    for (let depth = path.length; depth >= 0 && line === undefined; depth--) {
      const node = depth === 0 ? doc.contents : doc.getIn(path.slice(0, depth), true);
      // A missing field is reported on its parent's key line, not the line of the parent's first child.
      const at = depth < path.length && depth > 0 ? (keyOf(doc, path.slice(0, depth)) ?? node) : node;
      line = lineOfNode(at);
    }
    return line;
  };
  const issues = result.error.issues.map((issue) => ({ issue, path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)) }));

  // Unknown keys, and which of them are misspellings of a missing field beside them.
  const unknown = issues.flatMap(({ issue, path }) => (issue.code === "unrecognized_keys" ? issue.keys.map((key) => ({ path, key })) : []));
  const misspelled = new Map<string, string>();
  for (const { path } of issues) {
    if (path.length === 0 || hasAt(value, path)) continue;
    const name = String(path.at(-1));
    const near = unknown.find((u) => samePath(u.path, path.slice(0, -1)) && ![...misspelled.values()].includes(pathKey([...u.path, u.key])) && isNear(u.key, name));
    if (near) misspelled.set(pathKey(path), pathKey([...near.path, near.key]));
  }
  const explained = new Set(misspelled.values());

  const problems: Problem[] = [];
  for (const { issue, path } of issues) {
    if (issue.code === "unrecognized_keys") {
      for (const key of issue.keys) {
        const at = [...path, key];
        if (explained.has(pathKey(at))) continue;
        problems.push({ file, line: lineOfNode(keyOf(doc, at)) ?? lineOf(path), column: at.join("."), message: messages.yamlUnknownField(fieldsAt(schema, path)) });
      }
      continue;
    }
    const column = path.join(".") || "(document)";
    if (path.length > 0 && !hasAt(value, path)) {
      const near = misspelled.get(pathKey(path));
      // A misspelled field is reported on the line where it is written.
      const nearLine = near === undefined ? undefined : lineOfNode(keyOf(doc, near.split("\u0000")));
      problems.push({ file, line: nearLine ?? lineOf(path), column, message: near ? messages.yamlMisspelled(near.split("\u0000").at(-1)!) : messages.yamlMissing() });
      continue;
    }
    const got = path.length ? getAt(value, path) : value;
    problems.push({ file, line: lineOf(path), column, message: messages.yamlField(describeIssue(issue, schema, path), got) });
  }
  throw new DataError(problems);
}

/** The 1-based line of the field at `path` in YAML text, if the text parses and has it. */
export function yamlLineOf(text: string, path: Path): number | undefined {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  // A map entry by its key's line; a list item by its own.
  const node = keyOf(doc, path) ?? (path.length ? doc.getIn(path, true) : undefined);
  return isNode(node) && node.range ? lineCounter.linePos(node.range[0]).line : undefined;
}

/** A string scalar of a YAML text (a key or a value) and where it is written. */
export interface YamlString {
  value: string;
  /** The 1-based line on which `char` is written in this scalar (its first line when it is written as an escape). */
  lineOf: (char: string) => number;
}

/** Every string scalar of a YAML text that parses (comments are not scalars, so they are left out). */
export function yamlStrings(text: string): YamlString[] {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter });
  const out: YamlString[] = [];
  visit(doc, {
    Scalar(_key, node) {
      const range = node.range;
      if (typeof node.value !== "string" || !range) return;
      const source = text.slice(range[0], range[1]);
      out.push({ value: node.value, lineOf: (char) => lineCounter.linePos(range[0] + Math.max(0, source.indexOf(char))).line });
    },
  });
  return out;
}

/** What the field expected, in words: the schema's own message, or zod's made readable. */
function describeIssue(issue: z.core.$ZodIssue, schema: z.ZodType, path: Path): string {
  if (!issue.message.startsWith("Invalid input") && !/^Too (small|big)/.test(issue.message)) return issue.message;
  if (issue.code === "invalid_type") {
    switch (issue.expected) {
      case "string":
        return "expected text";
      case "number":
        return "expected a number";
      case "int":
        return "expected a whole number";
      case "boolean":
        return "expected true or false";
      case "array":
        return "expected a list";
      case "object": {
        const fields = fieldsAt(schema, path);
        return fields.length ? `expected the fields ${fields.join(", ")}` : "expected fields";
      }
    }
  }
  if ((issue.code === "too_small" || issue.code === "too_big") && issue.origin === "number") {
    const bound = issue.code === "too_small" ? issue.minimum : issue.maximum;
    const inclusive = issue.inclusive !== false;
    return `expected a number ${issue.code === "too_small" ? (inclusive ? "≥" : ">") : inclusive ? "≤" : "<"} ${String(bound)}`;
  }
  if (issue.code === "too_small" && issue.origin === "string") return "expected non-empty text";
  return issue.message.replace(/^Invalid input: /, "").replace(/, received \w+$/, "");
}

interface SchemaDef {
  type: string;
  innerType?: SchemaNode;
  shape?: Record<string, SchemaNode>;
  valueType?: SchemaNode;
  element?: SchemaNode;
}
interface SchemaNode {
  _zod?: { def: SchemaDef };
}

/** The field names the schema allows in the object at `path` (empty when it is not an object). */
function fieldsAt(schema: z.ZodType, path: Path): string[] {
  const unwrap = (s: SchemaNode | undefined): SchemaNode | undefined => {
    let node = s;
    while (node?._zod && ["default", "optional", "nullable", "prefault", "readonly", "catch", "nonoptional"].includes(node._zod.def.type)) node = node._zod.def.innerType;
    return node;
  };
  let node = unwrap(schema as unknown as SchemaNode);
  for (const key of path) {
    const def = node?._zod?.def;
    if (def?.type === "object") node = def.shape?.[String(key)];
    else if (def?.type === "record") node = def.valueType;
    else if (def?.type === "array") node = def.element;
    else return [];
    node = unwrap(node);
  }
  const def = node?._zod?.def;
  return def?.type === "object" && def.shape ? Object.keys(def.shape) : [];
}

/** The key node of the map entry at `path`, when its parent is a map. */
function keyOf(doc: Document, path: Path): unknown {
  const parent = path.length === 1 ? doc.contents : doc.getIn(path.slice(0, -1), true);
  if (!isMap(parent)) return undefined;
  const name = path.at(-1);
  return parent.items.find((pair) => isScalar(pair.key) && pair.key.value === name)?.key;
}

function getAt(value: unknown, path: Path): unknown {
  let v = value;
  for (const k of path) {
    if (v === null || typeof v !== "object") return undefined;
    v = (v as Record<string | number, unknown>)[k];
  }
  return v;
}

/** Whether the field at `path` is written at all (even as an empty value). */
function hasAt(value: unknown, path: Path): boolean {
  const parent = getAt(value, path.slice(0, -1));
  return parent !== null && typeof parent === "object" && (path.at(-1) as string | number) in parent;
}

const pathKey = (path: Path) => path.join("\u0000");
const samePath = (a: Path, b: Path) => pathKey(a) === pathKey(b);
