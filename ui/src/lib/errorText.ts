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
import { isMessageKey, translate, type Lang, type Params } from './i18n/core';
import { lang } from './i18n/index.svelte';
import { formatDateTime, formatTime, zoneCity } from './sessions';
import { fieldErrorText } from './fieldErrors';

/** The params a refusal sentence uses, with `{when}` built from the instants it names. */
export function refusalParams(language: Lang, params: ErrorDto['params']): Params {
  const out: Params = {};
  for (const [name, value] of Object.entries(params)) {
    if (value !== undefined) out[name] = value;
  }
  const { starts_at: start, ends_at: end, timezone } = params;
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
  if (error.code === 'validation' && error.fields.length > 0) {
    const lookup = (key: string, params?: Params) => (isMessageKey(key) ? translate(language, key, params) : undefined);
    const sentences = error.fields.map((f) => fieldErrorText(f, lookup));
    return [...new Set(sentences)].join(' ');
  }
  if (error.key) {
    const key = `refusal.${error.key}`;
    if (isMessageKey(key)) return translate(language, key, refusalParams(language, error.params));
  }
  const kind = `error.${error.code}`;
  if (isMessageKey(kind)) return translate(language, kind);
  return error.message;
}

/** The sentence for whatever a command rejected with, in the current interface language. */
export function errorText(e: unknown): string {
  return describeError(lang(), toErrorDto(e));
}
