import type { MessageKey } from './en';
import {
  formatNumber,
  translate,
  translateMaybe,
  translatePlural,
  type Lang,
  type Params,
  type PluralBase,
} from './core';

export type { Lang, MessageKey };

const state = $state<{ lang: Lang }>({ lang: 'en' });

/** The current interface language; reading it inside a component makes the component follow it. */
export function lang(): Lang {
  return state.lang;
}

export function setLang(next: Lang): void {
  state.lang = next;
  if (typeof document !== 'undefined') document.documentElement.lang = next;
}

export function t(key: MessageKey, params?: Params): string {
  return translate(state.lang, key, params);
}

export function tn(base: PluralBase, n: number, params?: Params): string {
  return translatePlural(state.lang, base, n, params);
}

/** Translates a key that comes from data (an error key, an enum value); `undefined` when unknown. */
export function tMaybe(key: string, params?: Params): string | undefined {
  return translateMaybe(state.lang, key, params);
}

export function num(n: number): string {
  return formatNumber(state.lang, n);
}
