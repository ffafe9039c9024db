/**
 * Characters that must never reach a terminal or a page unescaped: C0 and C1 controls (line
 * breaks, ESC of terminal escape sequences), DEL, line and paragraph separators, and the bidi
 * and invisible format characters that reorder or hide text (U+061C, U+200B–U+200F, U+202A–U+202E,
 * U+2060–U+2069, U+FEFF).
 */
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f\u061c\u200b-\u200f\u2028-\u202e\u2060-\u2069\ufeff]/gu;

/** `text` with every control character written as `\u{…}` (hex code point), so a message shows it and cannot act on it. */
export function escapeControls(text: string): string {
  return text.replace(CONTROL_CHARS, (c) => `\\u{${c.codePointAt(0)!.toString(16)}}`);
}

/** The first control character in `text` and its 1-based character position, if any. */
export function firstControl(text: string): { char: string; position: number } | undefined {
  const chars = [...text];
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i]!;
    CONTROL_CHARS.lastIndex = 0;
    if (CONTROL_CHARS.test(c)) return { char: c, position: i + 1 };
  }
  return undefined;
}

/** A control character in words, for "found … at character n". */
export function describeControl(c: string): string {
  const cp = c.codePointAt(0)!;
  const code = `U+${cp.toString(16).toUpperCase().padStart(4, "0")}`;
  const what =
    c === "\n" || c === "\r" || cp === 0x2028 || cp === 0x2029
      ? "a line break"
      : c === "\t"
        ? "a tab"
        : cp === 0x1b
          ? "a terminal escape"
          : (cp >= 0x202a && cp <= 0x202e) || (cp >= 0x2066 && cp <= 0x2069) || cp === 0x200e || cp === 0x200f || cp === 0x061c
            ? "a bidi control"
            : (cp >= 0x200b && cp <= 0x200d) || (cp >= 0x2060 && cp <= 0x2064) || cp === 0xfeff
              ? "an invisible format character"
              : "a control character";
  return `${what} (${code})`;
}
