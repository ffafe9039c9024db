/**
 * A typesetter's hyphenation rules applied to soft hyphens (U+00AD) the TeX patterns proposed:
 * no break in a word shorter than `minWord` letters, at least `minBefore` letters before a break
 * and `minAfter` after it, and none in a word with a capital letter (proper nouns and brand names:
 * LinkedIn, Mainland, COVID). Text outside words, tags and attributes are left as they are.
 */
export interface HyphenLimits {
  /** Shortest word that may be broken, in letters; default 6. */
  minWord: number;
  /** Letters that must stay before a break (on the line); default 3. */
  minBefore: number;
  /** Letters that must go after a break (to the next line); default 3. */
  minAfter: number;
}

export const DEFAULT_HYPHEN_LIMITS: HyphenLimits = { minWord: 6, minBefore: 3, minAfter: 3 };

const SOFT_HYPHEN = "\u00ad";

/** `html` with the soft hyphens that break the rules removed. */
export function limitSoftHyphens(html: string, limits: HyphenLimits = DEFAULT_HYPHEN_LIMITS): string {
  return html
    .split(/(<[^>]*>)/)
    .map((part, i) => (i % 2 === 1 ? part : part.replace(/[\p{L}\p{M}\u00ad]+/gu, (word) => (word.includes(SOFT_HYPHEN) ? limitWord(word, limits) : word))))
    .join("");
}

function limitWord(word: string, limits: HyphenLimits): string {
  const letters = word.replaceAll(SOFT_HYPHEN, "");
  if ([...letters].length < limits.minWord || /\p{Lu}/u.test(letters)) return letters;
  const parts = word.split(SOFT_HYPHEN);
  let out = parts[0]!;
  let before = [...parts[0]!].length;
  const total = [...letters].length;
  for (const part of parts.slice(1)) {
    const keep = before >= limits.minBefore && total - before >= limits.minAfter;
    out += (keep ? SOFT_HYPHEN : "") + part;
    before += [...part].length;
  }
  return out;
}
