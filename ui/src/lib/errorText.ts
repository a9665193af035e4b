/**
 * How a failed command reads to the user, in the interface language.
 *
 * A conflict or an unreadable file carries a `key` from `REFUSAL_KEYS`, worded by the catalogs'
 * `refusal.<key>` with the error's params; instants among the params (`starts_at`, `ends_at`, with
 * `timezone`) become `{when}` in the language's format. Any other error reads as its kind
 * (`error.<code>`), and a validation error as its fields' sentences. The backend's English `message` shows only when neither is known, which the
 * catalog tests rule out for every key the backend can send.
 */
import type { ErrorDto } from '../api';
import { toErrorDto } from '../api/errors';
import { definedParams, translateMaybe, type Lang, type Params } from './i18n/core';
import { lang } from './i18n/index.svelte';
import { formatDateTime, formatTime, zoneCity } from './sessions';
import { fieldErrorText } from './fieldErrors';

/** The params a refusal sentence uses, with `{when}` built from the instants it names. */
export function refusalParams(language: Lang, params: ErrorDto['params']): Params {
  const out = definedParams(params);
  const { starts_at: start, ends_at: end, timezone, changed_at: changed } = params;
  if (changed) {
    out.at = formatDateTime(language, changed, Intl.DateTimeFormat().resolvedOptions().timeZone ?? 'UTC');
  }
  if (start) {
    const zone = timezone ?? 'UTC';
    const from = formatDateTime(language, start, zone);
    const until = end ? `–${formatTime(language, end, zone)}` : '';
    out.when = `${from}${until} (${zoneCity(zone)})`;
  }
  return out;
}

/** The sentence for an error in `language`. */
export function describeError(language: Lang, error: ErrorDto): string {
  const lookup = (key: string, params?: Params) => translateMaybe(language, key, params);
  if (error.code === 'validation' && error.fields.length > 0) {
    const sentences = error.fields.map((f) => fieldErrorText(f, lookup));
    return [...new Set(sentences)].join(' ');
  }
  const refusal = error.key ? lookup(`refusal.${error.key}`, refusalParams(language, error.params)) : undefined;
  return refusal ?? lookup(`error.${error.code}`) ?? error.message;
}

/** The sentence for whatever a command rejected with, in the current interface language. */
export function errorText(e: unknown): string {
  return describeError(lang(), toErrorDto(e));
}
