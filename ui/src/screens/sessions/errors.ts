/**
 * How the session screens show a failed command: field errors next to their fields (translated by
 * key, with session-specific wording first) and everything else in a banner.
 */
import type { ErrorDto } from '../../api';
import { tMaybe } from '../../lib/i18n/index.svelte';
import { mapFieldErrors, unplacedFields, type FieldMessages } from '../../lib/fieldErrors';
import type { Params } from '../../lib/i18n/core';
import { errorText } from '../../lib/errorText';

export interface Shown {
  fields: FieldMessages;
  banner: string | null;
}

/** Translates an error key, preferring the session screens' own wording. */
export function translateKey(key: string, params?: Params): string | undefined {
  return tMaybe(`sessions.${key}`, params) ?? tMaybe(key, params);
}

/** Splits an error into messages for the `placed` fields and a banner for the rest. */
export function showError(error: ErrorDto, placed: readonly string[]): Shown {
  const fields = mapFieldErrors(error, translateKey);
  const rest = unplacedFields(fields, placed);
  const parts = rest.flatMap((f) => fields[f]);
  let banner: string | null = null;
  if (error.code !== 'validation') {
    // The refusal in the interface language, naming the person or the time so the user knows
    // what to change.
    banner = errorText(error);
  } else if (parts.length > 0) {
    banner = parts.join(' ');
  }
  return { fields, banner };
}
