import type { ImportFieldDto, RejectedRowDto, RowDetailDto } from '../api';
import { definedParams, isMessageKey, translate, translateMaybe, type Lang } from './i18n/core';
import { fieldErrorText } from './fieldErrors';

/**
 * The mapping after the user points `column` at `field`: a field is fed by one column only, so a
 * column that fed it before is set to ignore. `null` ignores the column.
 */
export function reassignColumn(
  columns: readonly (ImportFieldDto | null)[],
  column: number,
  field: ImportFieldDto | null,
): (ImportFieldDto | null)[] {
  return columns.map((current, i) => {
    if (i === column) return field;
    if (field !== null && current === field) return null;
    return current;
  });
}

/** The i18n key naming a detected delimiter. */
export function delimiterKey(delimiter: string): string {
  switch (delimiter) {
    case ',':
      return 'import.delimiter.comma';
    case ';':
      return 'import.delimiter.semicolon';
    case '\t':
      return 'import.delimiter.tab';
    default:
      return '';
  }
}

/** Progress as a fraction in 0..1, or null when the total is not known yet. */
export function progressFraction(done: number | null, total: number | null): number | null {
  if (done === null || total === null || total <= 0) return null;
  return Math.max(0, Math.min(1, done / total));
}

/**
 * A label or sentence as it reads after a colon or inside a sentence: its first letter in lower
 * case ("Job title" → "job title"), unless it starts an acronym ("HR id" stays).
 */
export function inSentence(text: string): string {
  const second = text.charAt(1);
  if (second && second !== second.toLowerCase()) return text;
  return text.charAt(0).toLocaleLowerCase() + text.slice(1);
}

/** One detail of a rejected row in `lang`, or `null` when the catalogs cannot word it. */
export function rowDetailText(lang: Lang, detail: RowDetailDto): string | null {
  const key = `import.detail.${detail.key}`;
  if (!isMessageKey(key)) return null;
  const params = definedParams(detail.params);
  if (detail.key === 'field_rule') {
    // The field's column label and the rule's own sentence, both from the catalogs.
    const field = `importField.${detail.params.field}`;
    if (!isMessageKey(field) || !detail.params.rule) return null;
    const { field: _field, rule: ruleKey, ...values } = detail.params;
    const rule = fieldErrorText({ field: _field ?? '', key: ruleKey, message: '', params: values }, (k, p) => translateMaybe(lang, k, p));
    if (!rule) return null;
    params.field = translate(lang, field);
    params.rule = inSentence(rule);
  }
  return translate(lang, key, params);
}

/**
 * What is wrong with a rejected row, in `lang`, each detail once; the backend's English only if a
 * detail is unknown. Details `skip` accepts are left out (e.g. one that only repeats the reason):
 * the text is then empty when nothing is left.
 */
export function rejectedRowText(lang: Lang, row: RejectedRowDto, skip: (detail: RowDetailDto) => boolean = () => false): string {
  if (row.details.length === 0) return row.message;
  const parts = row.details.filter((d) => !skip(d)).map((d) => rowDetailText(lang, d));
  if (parts.some((p) => p === null)) return row.message;
  return [...new Set(parts)].join(' ');
}
