/**
 * Where a template failed, in words: `file:line: {{the expression}}: what is wrong`, naming the
 * value that is not defined when one is (found by walking the template's syntax tree).
 */
import Handlebars from "handlebars";
import { TemplateError } from "../errors.ts";
import { messages } from "../messages.ts";
import type { Source } from "./load-templates.ts";

/** Where in a template a helper call is (Handlebars' `options.loc`). */
export interface Loc {
  start: Position;
}

/** A helper failed: the error carries the location of the call, so the message can quote it. */
export class HelperError extends TemplateError {
  constructor(
    message: string,
    readonly helper: string,
    readonly loc: Loc | undefined,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}

/**
 * A template failure as `file:line: {{the expression}}: what is wrong` (with the line when the
 * source is a whole file, else the source's name), naming the value that is not defined when one is.
 */
export function describeFailure(hb: typeof Handlebars, source: Source, context: unknown, err: unknown): string {
  const e = err as Error & { lineNumber?: number; column?: number };
  let at: Position | undefined;
  let reason = (e.message ?? String(err)).replace(/ in \[object Object\]/g, "");
  const parse = /^Parse error on line (\d+):/.exec(reason);
  if (err instanceof HelperError) {
    at = err.loc?.start;
    // A helper given a value that does not exist fails because of it, whatever it says.
    const missing = at ? valuesNotDefined(hb, source.text, context).find((v) => v.call !== undefined && samePosition(v.call, at!)) : undefined;
    reason = missing ? messages.templateNotDefined(missing.path) : at ? reason : `{{${err.helper}}}: ${reason}`;
  } else if (typeof e.lineNumber === "number" && typeof e.column === "number") {
    // Handlebars' own errors: strict mode's `"x" not defined`, a block closed with the wrong name.
    at = { line: e.lineNumber, column: e.column };
    reason = reason.replace(/ - \d+:\d+$/, "");
    const strict = /^"(.*)" not defined/.exec(reason);
    if (strict) reason = messages.templateNotDefined(valuesNotDefined(hb, source.text, context).find((v) => samePosition(v.at, at!))?.path ?? strict[1]!);
  } else if (parse) {
    const open = /got 'EOF'$/.test(reason) ? unclosedBlock(source.text) : undefined;
    at = open?.at ?? { line: Number(parse[1]), column: -1 };
    reason = open ? `the block is never closed with {{/${open.name}}}` : `not a valid template: ${reason.split("\n").at(-1) ?? ""}`;
  } else if (err instanceof TypeError && /^Cannot read properties of (undefined|null)/.test(reason)) {
    // Strict mode checks only the last part of a helper's argument, so `{{num region.atlantis.net}}` fails here.
    const missing = valuesNotDefined(hb, source.text, context).find((v) => v.intermediate);
    if (missing) {
      at = missing.at;
      reason = messages.templateNotDefined(missing.path);
    }
  }
  const expr = at && at.column >= 0 ? expressionAt(source.text, at) : undefined;
  const where = source.line !== undefined && at ? `${source.file}:${source.line + at.line - 1}` : `${source.file}${source.name !== source.file ? ` (${source.name})` : ""}`;
  return `${where}: ${expr ? `${expr}: ` : ""}${reason}`;
}

/** A place in a template: 1-based line, 0-based column (as Handlebars gives it). */
interface Position {
  line: number;
  column: number;
}

interface AstNode {
  type: string;
  loc?: { start: Position };
  path?: AstNode;
  params?: AstNode[];
  hash?: { pairs: { value: AstNode }[] };
  program?: AstNode;
  inverse?: AstNode;
  body?: AstNode[];
  parts?: string[];
  original?: string;
  data?: boolean;
  depth?: number;
}

const samePosition = (a: Position, b: Position) => a.line === b.line && a.column === b.column;

/**
 * Values a template reads from the root context that do not exist, in order: each with the path
 * up to its first missing part, where it is written, the call it is an argument of, and whether
 * a part before the last is missing. Blocks that change the context (`each`, `with`) and `@data`
 * or `../` paths are not followed.
 */
function valuesNotDefined(hb: typeof Handlebars, text: string, context: unknown): { path: string; at: Position; call?: Position; intermediate: boolean }[] {
  let ast: AstNode;
  try {
    ast = hb.parse(text) as unknown as AstNode;
  } catch {
    return [];
  }
  const out: { path: string; at: Position; call?: Position; intermediate: boolean }[] = [];
  const check = (p: AstNode, call: Position | undefined) => {
    if (p.type === "SubExpression") return visit(p);
    if (p.type !== "PathExpression" || p.data || (p.depth ?? 0) > 0 || !p.parts?.length || !p.loc) return;
    let v: unknown = context;
    for (const [i, part] of p.parts.entries()) {
      if (v === null || typeof v !== "object" || !Object.hasOwn(v, part) || (v as Record<string, unknown>)[part] === undefined) {
        out.push({ path: p.parts.slice(0, i + 1).join("."), at: p.loc.start, call, intermediate: i < p.parts.length - 1 });
        return;
      }
      v = (v as Record<string, unknown>)[part];
    }
  };
  const visit = (n: AstNode | undefined): void => {
    if (!n) return;
    if (n.type === "Program") return n.body?.forEach((b) => visit(b));
    if (n.type !== "MustacheStatement" && n.type !== "SubExpression" && n.type !== "BlockStatement") return;
    const args = [...(n.params ?? []), ...(n.hash?.pairs.map((p) => p.value) ?? [])];
    // `{{s.flows.joined}}` reads a value; in `{{num s.flows.joined}}` the path is the helper's name.
    if (n.path && args.length === 0 && !(n.path.original && n.path.original in hb.helpers)) check(n.path, undefined);
    for (const a of args) check(a, n.loc?.start);
    if (n.type === "BlockStatement" && ["if", "unless"].includes(n.path?.original ?? "")) {
      visit(n.program);
      visit(n.inverse);
    }
  };
  visit(ast);
  return out;
}

/** The last block opened (`{{#if …}}`) and never closed in a template, found by matching names. */
function unclosedBlock(text: string): { name: string; at: Position } | undefined {
  const open: { name: string; at: Position }[] = [];
  for (const m of text.matchAll(/\{\{~?\s*([#^/])\s*([^\s}~]+)/g)) {
    const before = text.slice(0, m.index);
    const at = { line: before.split("\n").length, column: m.index - (before.lastIndexOf("\n") + 1) };
    if (m[1] === "/") {
      if (open.at(-1)?.name === m[2]) open.pop();
    } else if (m[1] === "#") open.push({ name: m[2]!.replace(/^[*>]/, ""), at });
  }
  return open.at(-1);
}

/** The `{{…}}` around a position of a template, on one line and shortened. */
function expressionAt(text: string, at: Position): string | undefined {
  const lines = text.split("\n");
  if (at.line < 1 || at.line > lines.length) return undefined;
  const offset = lines.slice(0, at.line - 1).reduce((n, l) => n + l.length + 1, 0) + at.column;
  const start = text.lastIndexOf("{{", offset + 1);
  const end = start < 0 ? -1 : text.indexOf("}}", start);
  if (start < 0 || end < 0 || end + 2 < offset) return undefined;
  const expr = text.slice(start, end + 2).replace(/^\{\{\{/, "{{").replace(/\s+/g, " ");
  return expr.length > 100 ? `${expr.slice(0, 97)}…}}` : expr;
}
