/**
 * Cell schemas: each takes the raw CSV string and returns a typed value, or fails with
 * "expected …" (the loader adds `, got "<raw>"` and the file, line and column).
 * Built on zod so a schema is a declaration, not hand-written parsing per file.
 */
import { z } from "zod";
import { describeControl, firstControl } from "../escape-controls.ts";
import { messages } from "../messages.ts";

type Cell<T> = z.ZodType<T, string>;

/** A number written with thousands separators, e.g. 1,234 or 7,448,900.5. */
const THOUSANDS = /^[+-]?\d{1,3}(,\d{3})+(\.\d*)?$/;

function cell<T>(expected: string, parse: (raw: string) => T | undefined, numeric = false): Cell<T> {
  return z.string().transform((raw, ctx) => {
    const value = parse(raw.trim());
    if (value === undefined) {
      ctx.addIssue({ code: "custom", message: numeric && THOUSANDS.test(raw.trim()) ? messages.withoutSeparators(expected) : expected });
      return z.NEVER;
    }
    return value;
  }) as unknown as Cell<T>;
}

const WHOLE = /^[+-]?\d+$/;
const DECIMAL = /^[+-]?(\d+(\.\d*)?|\.\d+)$/;

/** Written as a number and finite as one: 401 digits are a number by the pattern but Infinity to JavaScript. */
const finite = (s: string, pattern: RegExp) => pattern.test(s) && Number.isFinite(Number(s));

/** A whole number (no thousands separators, no decimals), at least `min` (default 0). */
export function count(min = 0): Cell<number> {
  const what = min === 0 ? "a whole number ≥ 0" : `a whole number ≥ ${min}`;
  return cell(what, (s) => (WHOLE.test(s) && Number(s) >= min && Number.isSafeInteger(Number(s)) ? Number(s) : undefined), true);
}

/** A signed whole number (e.g. a rank difference or a year). */
export function integer(min = -Infinity, max = Infinity): Cell<number> {
  const what = Number.isFinite(min) && Number.isFinite(max) ? `a whole number from ${min} to ${max}` : "a whole number";
  return cell(what, (s) => (WHOLE.test(s) && Number.isSafeInteger(Number(s)) && Number(s) >= min && Number(s) <= max ? Number(s) : undefined), true);
}

/** A finite decimal number, optionally bounded. */
export function decimal(min = -Infinity, max = Infinity): Cell<number> {
  const bounds =
    Number.isFinite(min) && Number.isFinite(max) ? ` from ${min} to ${max}` : Number.isFinite(min) ? ` ≥ ${min}` : Number.isFinite(max) ? ` ≤ ${max}` : "";
  return cell(`a number${bounds}`, (s) => (finite(s, DECIMAL) && Number(s) >= min && Number(s) <= max ? Number(s) : undefined), true);
}

/** A percentage from 0 to 100, written without the % sign. */
export function percent(): Cell<number> {
  return cell("a percentage from 0 to 100 (without %)", (s) => (finite(s, DECIMAL) && Number(s) >= 0 && Number(s) <= 100 ? Number(s) : undefined), true);
}

/** One of a fixed set of words. */
export function oneOf<const T extends string>(values: readonly T[]): Cell<T> {
  return cell(`one of ${values.join(", ")}`, (s) => ((values as readonly string[]).includes(s) ? (s as T) : undefined));
}

/** An identifier: lower-case letters, digits and dashes (e.g. `hong-kong`, `20-24`). */
export function slug(): Cell<string> {
  return cell("an identifier of lower-case letters, digits and dashes", (s) => (/^[a-z0-9]+(-[a-z0-9]+)*$/.test(s) ? s : undefined));
}

/** A calendar date written YYYY-MM-DD. */
export function isoDate(): Cell<string> {
  return cell("a date written YYYY-MM-DD", (s) => {
    if (!/^\d{4}-\d{2}-\d{2}$/.test(s)) return undefined;
    const d = new Date(`${s}T00:00:00Z`);
    return !Number.isNaN(d.getTime()) && d.toISOString().startsWith(s) ? s : undefined;
  });
}

/** yes or no. */
export function yesNo(): Cell<boolean> {
  return cell("yes or no", (s) => (s === "yes" ? true : s === "no" ? false : undefined));
}

/**
 * Non-empty plain text on one line, of at most `max` characters: no line break, tab, bidi control,
 * terminal escape or other control character anywhere in it (it would reshape the page or the terminal).
 */
export function text(max = 500): Cell<string> {
  const expected = `text of 1 to ${max} characters`;
  return z.string().transform((raw, ctx) => {
    const control = firstControl(raw);
    if (control) {
      ctx.addIssue({ code: "custom", message: messages.notPlainText(describeControl(control.char), control.position) });
      return z.NEVER;
    }
    const s = raw.trim();
    if (s.length > 0 && s.length <= max) return s;
    ctx.addIssue({ code: "custom", message: expected });
    return z.NEVER;
  }) as unknown as Cell<string>;
}

/** The inner schema, or `undefined` when the cell is empty. */
export function optional<T>(inner: Cell<T>): Cell<T | undefined> {
  return z.string().transform((raw, ctx) => {
    if (raw.trim() === "") return undefined;
    const r = inner.safeParse(raw);
    if (!r.success) {
      for (const issue of r.error.issues) ctx.addIssue({ code: "custom", message: `${issue.message} or an empty cell` });
      return z.NEVER;
    }
    return r.data;
  }) as unknown as Cell<T | undefined>;
}

/** Text matching a pattern, described to the user as `what`. */
export function matching(pattern: RegExp, what: string): Cell<string> {
  return cell(what, (s) => (pattern.test(s) ? s : undefined));
}
