import type { RowDetailKey } from '../../api/bindings/messageKeys';

/**
 * English sentences for the details of a rejected import row (`RowDetailDto.key`), one per key of
 * `ROW_DETAIL_KEYS`: the type makes a missing key a type error. `field_rule` gets the field's label
 * and the rule's sentence as `{field}` and `{rule}` (see `lib/importMapping.ts`).
 */
export const importDetailsEn: { readonly [K in `import.detail.${RowDetailKey}`]: string } = {
  'import.detail.column_count': 'This row has {found} fields but the header has {expected}: check for a missing or extra delimiter.',
  'import.detail.grade_unreadable': 'The grade “{value}” is not a number from 1 to 10.',
  'import.detail.date_unreadable': '“{value}” is not a date: use YYYY-MM-DD, DD/MM/YYYY or DD.MM.YYYY.',
  'import.detail.role_unknown': 'The program role “{value}” is not one of mentor, mentee, both or none.',
  'import.detail.profile_unknown': 'The adoption profile “{value}” is not one Tandem knows.',
  'import.detail.field_rule': '{field}: {rule}',
  'import.detail.duplicate_id_in_file': 'The HR id “{id}” already appears on row {line}.',
  'import.detail.duplicate_email_in_file': 'The email {email} already appears on row {line}.',
  'import.detail.email_owned': 'The email {email} already belongs to {owner} (HR id {owner_id}) in Tandem.',
  'import.detail.self_manager': 'This person is named as their own manager ({manager}).',
  'import.detail.manager_unknown': 'The manager {manager} is neither in this file nor in Tandem.',
  'import.detail.manager_rejected': 'The manager {manager} on row {line} is rejected, so this row is too.',
  'import.detail.reporting_cycle': 'Reporting loop: {chain} (each reports to the next).',
};
