import { en, type MessageKey, type Messages } from './en';
import { fr } from './fr';

export type Lang = 'fr' | 'en';

export const catalogs: Record<Lang, Messages> = { en, fr };

/** The Intl locale used for numbers and dates in each interface language. */
export const locales: Record<Lang, string> = { fr: 'fr-FR', en: 'en-GB' };

export type Params = Record<string, string | number>;

/** Picks the interface language from a navigator language tag: French for any `fr*`, else English. */
export function languageFromNavigator(tag: string | undefined | null): Lang {
  return tag && tag.toLowerCase().startsWith('fr') ? 'fr' : 'en';
}

export function formatNumber(lang: Lang, n: number): string {
  return new Intl.NumberFormat(locales[lang]).format(n);
}

/** Replaces `{name}` placeholders; numbers are formatted for the language. Unknown ones are left as is. */
export function interpolate(lang: Lang, template: string, params?: Params): string {
  if (!params) return template;
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = params[name];
    if (value === undefined) return whole;
    return typeof value === 'number' ? formatNumber(lang, value) : value;
  });
}

export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(en, key);
}

export function translate(lang: Lang, key: MessageKey, params?: Params): string {
  const template = catalogs[lang][key] ?? en[key] ?? key;
  return interpolate(lang, template, params);
}

/** Translates a key that comes from data (an error key, an enum value); `undefined` when unknown. */
export function translateMaybe(lang: Lang, key: string, params?: Params): string | undefined {
  return isMessageKey(key) ? translate(lang, key, params) : undefined;
}

/** The values the backend sent for a sentence's placeholders, without the absent ones. */
export function definedParams(values: { [name in string]?: string }): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(values)) {
    if (value !== undefined) out[name] = value;
  }
  return out;
}

/** Keys that have plural forms: `base.one` and `base.other` both exist. */
export type PluralBase = {
  [K in MessageKey]: K extends `${infer B}.one` ? (`${B}.other` extends MessageKey ? B : never) : never;
}[MessageKey];

/** The plural category of `n` in the language, reduced to the two forms the catalogs carry. */
export function pluralCategory(lang: Lang, n: number): 'one' | 'other' {
  return new Intl.PluralRules(locales[lang]).select(n) === 'one' ? 'one' : 'other';
}

/** Translates a plural message, with `{count}` set to `n` (formatted) unless given. */
export function translatePlural(lang: Lang, base: PluralBase, n: number, params?: Params): string {
  const key = `${base}.${pluralCategory(lang, n)}` as MessageKey;
  return translate(lang, key, { count: n, ...params });
}
