import type { ErrorDto } from '../api';

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
 * Groups an error's field errors by form field, each translated by its `key` when the catalog has
 * `error.<key>`, else falling back to the server's `message`. Duplicates are dropped.
 */
export function mapFieldErrors(
  error: ErrorDto | null | undefined,
  translateKey: (key: string) => string | undefined,
): FieldMessages {
  const out: FieldMessages = {};
  if (!error) return out;
  for (const fe of error.fields ?? []) {
    const field = baseField(fe.field);
    const text = (fe.key ? translateKey(`error.${fe.key}`) : undefined) ?? fe.message;
    const list = (out[field] ??= []);
    if (!list.includes(text)) list.push(text);
  }
  return out;
}

/** Fields with errors that the form has no place for, so they can go to the banner instead. */
export function unplacedFields(messages: FieldMessages, placed: readonly string[]): string[] {
  return Object.keys(messages).filter((f) => !placed.includes(f));
}
