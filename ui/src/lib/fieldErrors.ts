import type { ErrorDto } from '../api';
import type { FieldErrorDto } from '../api/bindings/FieldErrorDto';
import { definedParams, type Params } from './i18n/core';

/** Looks up a catalog key with values for its placeholders; `undefined` when the key is unknown. */
export type TranslateKey = (key: string, params?: Params) => string | undefined;

/**
 * One field error's sentence: the precise `error.<key>.detail` when the error carries every value it
 * names (e.g. "at most {max} characters"), else the general `error.<key>`, else the backend's English.
 */
export function fieldErrorText(fe: FieldErrorDto, translateKey: TranslateKey): string {
  const params = definedParams(fe.params ?? {});
  if (Object.keys(params).length > 0) {
    const precise = translateKey(`error.${fe.key}.detail`, params);
    if (precise && !/\{\w+\}/.test(precise)) return precise;
  }
  return (fe.key ? translateKey(`error.${fe.key}`) : undefined) ?? fe.message;
}

/**
 * The form field an error belongs to: `availability[2].start_minute` and `skills.3.level` go under
 * `availability` and `skills`; plain names stay as they are.
 */
export function baseField(field: string): string {
  const match = /^[A-Za-z_][A-Za-z0-9_]*/.exec(field.trim());
  return match ? match[0] : field;
}

export type FieldMessages = Record<string, string[]>;

/**
 * Groups an error's field errors by form field, each worded by `fieldErrorText`. Duplicates are
 * dropped.
 */
export function mapFieldErrors(error: ErrorDto | null | undefined, translateKey: TranslateKey): FieldMessages {
  const out: FieldMessages = {};
  if (!error) return out;
  for (const fe of error.fields ?? []) {
    const field = baseField(fe.field);
    const text = fieldErrorText(fe, translateKey);
    const list = (out[field] ??= []);
    if (!list.includes(text)) list.push(text);
  }
  return out;
}

/** Fields with errors that the form has no place for, so they can go to the banner instead. */
export function unplacedFields(messages: FieldMessages, placed: readonly string[]): string[] {
  return Object.keys(messages).filter((f) => !placed.includes(f));
}
