/** The locales greenbook knows, and the lookup that refuses any other language. */
import { LocaleError } from "../errors.ts";
import { messages } from "../messages.ts";
import type { Locale } from "./locale.ts";
import { en } from "./locales/en.ts";
import { zhHans } from "./locales/zh-hans.ts";
import { zhHK } from "./locales/zh-hk.ts";

export const BUILT_IN_LOCALES: readonly Locale[] = [zhHK, en, zhHans];

const registry = new Map<string, Locale>(BUILT_IN_LOCALES.map((l) => [l.tag, l]));

/** Makes a chapter's own locales known (same tag twice is an error unless it is the same object). */
export function registerLocales(locales: readonly Locale[]): void {
  for (const l of locales) {
    const known = registry.get(l.tag);
    if (known && known !== l) throw new LocaleError(messages.localeTwice(l.tag));
    registry.set(l.tag, l);
  }
}

/** The locale of `tag`; throws naming the known languages when there is none. */
export function localeOf(tag: string): Locale {
  const l = registry.get(tag);
  if (!l) throw new LocaleError(messages.unknownLanguage(tag, knownLanguages()));
  return l;
}

/** Every language greenbook can build in, in registration order. */
export function knownLanguages(): string[] {
  return [...registry.keys()];
}
