/**
 * How the import preview words what HR reviews before a commit: the columns left out and their
 * confirmation, the fields no column gives, each change an update makes, and each rejected row
 * (also sent, worded the same, with the export of rejected rows).
 */
import type { IgnoredColumnDto, ImportFieldDto, ImportPreviewDto, RejectedReasonDto, RejectedRowDto, RowDetailDto } from '../api';
import { locales, translate, translateMaybe, translatePlural, type Lang } from './i18n/core';
import { inSentence, rejectedRowText } from './importMapping';
import { formatDate } from './programs';

/** What an empty value shows. */
export const EMPTY_VALUE = '—';

/** Items as the language lists them: "a, b and c", « a, b et c ». */
export function listText(lang: Lang, items: readonly string[]): string {
  return new Intl.ListFormat(locales[lang], { style: 'long', type: 'conjunction' }).format(items);
}

/** A value from the file, quoted as the language quotes: “x”, « x ». */
export function quoted(lang: Lang, value: string): string {
  return translate(lang, 'import.quoted', { value });
}

// ---- columns left out ----

/** The columns left out that hold values: HR confirms them before a commit. */
export function ignoredWithValues(preview: ImportPreviewDto): IgnoredColumnDto[] {
  return preview.ignored.filter((c) => c.has_values);
}

/** What keeps the Import button disabled, if anything. */
export type CommitBlock = 'missing_required' | 'unconfirmed' | null;

/**
 * A commit needs a column for every required field and, while columns with values are left out,
 * HR's confirmation that they are (`confirmed`: the checkbox, ticked for the current mapping).
 */
export function commitBlock(preview: ImportPreviewDto, confirmed: boolean): CommitBlock {
  if (preview.missing_required.length > 0) return 'missing_required';
  if (!confirmed && ignoredWithValues(preview).length > 0) return 'unconfirmed';
  return null;
}

/** The indexes of the columns left out that HR confirmed, for `import_commit`. */
export function confirmedIgnored(preview: ImportPreviewDto, confirmed: boolean): number[] {
  return confirmed ? ignoredWithValues(preview).map((c) => c.index) : [];
}

/** A column's header, or "Column 4" when the file gives it none. */
export function columnName(lang: Lang, column: IgnoredColumnDto): string {
  return column.header.trim() || translate(lang, 'import.column', { number: column.index + 1 });
}

/** A column's first values, as the list of columns left out shows them: "Cheffe de projet, Comptable". */
export function samplesText(column: IgnoredColumnDto): string {
  return column.samples.join(', ');
}

// ---- fields ----

/**
 * A field's name in the preview's sentences and list of changes: the import field's label, but
 * "Manager" for the manager's HR id (the manager is what changes), and "Status" for `active`.
 */
export function fieldLabel(lang: Lang, field: string): string {
  if (field === 'manager_external_id') return translate(lang, 'import.field.manager');
  if (field === 'active') return translate(lang, 'import.field.active');
  return translateMaybe(lang, `importField.${field}`) ?? field;
}

/** "No column gives these fields: job title and site. Their current values stay as they are." */
export function unfedText(lang: Lang, fields: readonly ImportFieldDto[]): string {
  const names = fields.map((f) => inSentence(fieldLabel(lang, f)));
  return translatePlural(lang, 'import.unfed', fields.length, { fields: listText(lang, names) });
}

// ---- changes ----

/** A value before or after an update, as HR reads it: role, profile and languages named, dates in the language. */
export function changeValueText(lang: Lang, field: string, value: string): string {
  if (value.trim() === '') return EMPTY_VALUE;
  switch (field) {
    case 'role':
      return translateMaybe(lang, `role.${value}`) ?? value;
    case 'adoption_profile':
      return translateMaybe(lang, `profile.${value}`) ?? value;
    case 'languages':
      return value
        .split(',')
        .map((code) => code.trim())
        .filter(Boolean)
        .map((code) => translateMaybe(lang, `language.${code}`) ?? code)
        .join(', ');
    case 'hire_date':
      return formatDate(lang, value);
    case 'active':
      return translate(lang, value === 'true' ? 'import.status.active' : 'import.status.inactive');
    default:
      return value;
  }
}

/** How many updated employees the list of changes leaves out (it holds the first 500). */
export function moreChanges(preview: ImportPreviewDto): number {
  return Math.max(0, preview.counts.updated - preview.changes.length);
}

// ---- rejected rows ----

/**
 * The field rule each reason already says: a detail that is exactly it ("Email: this field is
 * required." under "No email address") repeats the reason and is left out.
 */
const REASON_RULES: Readonly<Record<string, readonly [field: string, rule: string]>> = {
  id_missing: ['external_id', 'required'],
  email_missing: ['email', 'required'],
  email_invalid: ['email', 'email_invalid'],
  timezone_invalid: ['timezone', 'timezone_invalid'],
  language_invalid: ['languages', 'language_invalid'],
};

/** True when the detail only says again what the reason says. */
export function repeatsReason(reason: string, detail: RowDetailDto): boolean {
  const rule = REASON_RULES[reason];
  return !!rule && detail.key === 'field_rule' && detail.params.field === rule[0] && detail.params.rule === rule[1];
}

/** Where a rejected row is: "Row 7", or "Row 7 (text line 8)" after a quoted line break. */
export function rejectedWhere(lang: Lang, row: RejectedRowDto): string {
  return row.line !== row.row
    ? translate(lang, 'import.rowAndLine', { row: row.row, line: row.line })
    : translate(lang, 'import.row', { row: row.row });
}

/** A rejected row as the screen shows it. */
export interface RejectedRowView {
  /** "Row 7" (see `rejectedWhere`). */
  where: string;
  /** The reason, translated: "Invalid email address". */
  reason: string;
  /** The value at fault, quoted, unless the detail already quotes it; else null. */
  value: string | null;
  /** The details that say more than the reason; may be empty. */
  detail: string;
}

export function rejectedRowView(lang: Lang, row: RejectedRowDto): RejectedRowView {
  const reason = translateMaybe(lang, `reason.${row.reason}`) ?? row.reason;
  const detail = rejectedRowText(lang, row, (d) => repeatsReason(row.reason, d));
  const said = row.value !== null && row.value !== '' && detail.toLowerCase().includes(row.value.toLowerCase());
  const value = row.value && !said ? quoted(lang, row.value) : null;
  return { where: rejectedWhere(lang, row), reason, value, detail };
}

/**
 * A rejected row's reason in one line of text, as the screen words it: the reason, the value at
 * fault, then the details. "Invalid email address: “paul.blanc@”".
 */
export function rejectedReasonText(lang: Lang, row: RejectedRowDto): string {
  const view = rejectedRowView(lang, row);
  const head = view.value ? translate(lang, 'import.reasonWithValue', { reason: view.reason, value: view.value }) : view.reason;
  const text = view.detail ? translate(lang, 'import.reasonAndDetail', { reason: head, detail: view.detail }) : head;
  return text.replace(/\s+/g, ' ').trim();
}

/** What `export_rejected_rows_csv` needs: each rejected row's line and its reason as the screen words it. */
export function rejectedReasons(lang: Lang, rows: readonly RejectedRowDto[]): RejectedReasonDto[] {
  return rows.map((row) => ({ line: row.line, reason: rejectedReasonText(lang, row) }));
}
