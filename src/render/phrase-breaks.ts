/**
 * Where a Chinese heading may break on a narrow screen. Headings are set with
 * `word-break: keep-all` (no break between two Han characters), and a <wbr> marks each word
 * boundary (Intl.Segmenter's dictionary), so a line ends between 人才 and 流失, never inside
 * 流失. Boundaries between two one-character words are left out (the dictionary splits some
 * compounds, 綠|皮|書, into single characters), and so is a number and what follows it
 * (2019年). (圖1 is kept whole by the stylesheet: exhibit labels do not wrap.) Punctuation keeps the browser's own line-breaking rules.
 */

/** Elements whose text is a heading: h1–h6 and figure captions. */
const HEADINGS = /<(h[1-6]|figcaption)\b[^>]*>[\s\S]*?<\/\1>/g;
const HAN = /\p{Script=Han}/u;
const WORDLIKE = /^[\p{L}\p{N}]/u;

/** Returns `html` with <wbr> at word boundaries inside the Chinese text of its headings. */
export function markPhraseBreaks(html: string, lang: string): string {
  const segmenter = new Intl.Segmenter(lang, { granularity: "word" });
  return html.replace(HEADINGS, (element) =>
    // Text between tags only; character references stay whole.
    element.replace(/>([^<]+)</g, (_, text: string) => `>${text.split(/(&#?\w+;)/).map((part, i) => (i % 2 ? part : markText(part, segmenter))).join("")}<`),
  );
}

function markText(text: string, segmenter: Intl.Segmenter): string {
  const words = [...segmenter.segment(text)].map((s) => s.segment);
  let out = words[0] ?? "";
  for (let i = 1; i < words.length; i++) {
    if (breaksBetween(words[i - 1]!, words[i]!)) out += "<wbr>";
    out += words[i];
  }
  return out;
}

function breaksBetween(before: string, after: string): boolean {
  const last = [...before].at(-1)!;
  const first = [...after][0]!;
  if (!WORDLIKE.test(last) || !WORDLIKE.test(first)) return false;
  if (!HAN.test(last) && !HAN.test(first)) return false;
  if ([...before].length === 1 && [...after].length === 1 && HAN.test(before) && HAN.test(after)) return false;
  if (/\p{N}/u.test(last)) return false;
  return true;
}
