import { describe, expect, it } from 'vitest';
import type { ErrorDto, ImportPreviewDto, RejectedRowDto } from '../api';
import { describeError } from './errorText';
import {
  changeValueText,
  columnName,
  commitBlock,
  confirmedIgnored,
  fieldLabel,
  ignoredWithValues,
  moreChanges,
  rejectedReasonText,
  rejectedReasons,
  rejectedRowView,
  rejectedWhere,
  repeatsReason,
  samplesText,
  unfedText,
} from './importReview';

function preview(over: Partial<ImportPreviewDto> = {}): ImportPreviewDto {
  return {
    file_name: 'staff.csv',
    encoding: 'UTF-8',
    delimiter: ',',
    headers: ['Matricule', 'E-mail', 'Libellé de la tâche occupée', 'Vide'],
    mapping: { columns: ['external_id', 'email', null, null] },
    missing_required: [],
    total_rows: 2,
    counts: { new: 2, updated: 0, unchanged: 0, rejected: 0, missing_from_file: 0 },
    rejected: [],
    sample: [],
    missing: [],
    ignored: [
      { index: 2, header: 'Libellé de la tâche occupée', samples: ['Cheffe de projet', 'Comptable'], has_values: true },
      { index: 3, header: 'Vide', samples: [], has_values: false },
    ],
    unfed: [],
    proposed_from_values: [],
    remembered: false,
    changes: [],
    ...over,
  };
}

function rejected(over: Partial<RejectedRowDto>): RejectedRowDto {
  return {
    row: 5,
    line: 5,
    external_id: 'E3004',
    name: 'Paul Blanc',
    value: null,
    reason: 'value_invalid',
    message: 'English fallback',
    details: [],
    ...over,
  };
}

describe('columns left out of the import', () => {
  it('asks HR to confirm only the columns that hold values', () => {
    expect(ignoredWithValues(preview()).map((c) => c.header)).toEqual(['Libellé de la tâche occupée']);
    expect(samplesText(preview().ignored[0])).toBe('Cheffe de projet, Comptable');
    expect(columnName('fr', preview().ignored[0])).toBe('Libellé de la tâche occupée');
    expect(columnName('fr', { index: 12, header: ' ', samples: [], has_values: false })).toBe('Colonne 13');
  });

  it('keeps Import disabled until they are confirmed', () => {
    expect(commitBlock(preview(), false)).toBe('unconfirmed');
    expect(commitBlock(preview(), true)).toBeNull();
  });

  it('needs no confirmation when the columns left out are empty', () => {
    const empty = preview({ ignored: [{ index: 3, header: 'Vide', samples: [], has_values: false }] });
    expect(commitBlock(empty, false)).toBeNull();
    expect(confirmedIgnored(empty, true)).toEqual([]);
  });

  it('a missing required field blocks first', () => {
    expect(commitBlock(preview({ missing_required: ['email'] }), true)).toBe('missing_required');
  });

  it('sends the confirmed columns with values, and nothing before the confirmation', () => {
    expect(confirmedIgnored(preview(), true)).toEqual([2]);
    expect(confirmedIgnored(preview(), false)).toEqual([]);
  });
});

describe('fields no column gives', () => {
  it('names them in a sentence, with the manager as such', () => {
    expect(unfedText('en', ['title', 'site'])).toBe('No column gives these fields: job title and site. Their current values stay as they are.');
    expect(unfedText('fr', ['title', 'manager_external_id', 'site'])).toBe(
      'Aucune colonne ne donne ces champs : poste, responsable et site. Leurs valeurs actuelles restent inchangées.',
    );
    expect(unfedText('fr', ['hire_date'])).toBe('Aucune colonne ne donne ce champ : date d’embauche. Ses valeurs actuelles restent inchangées.');
  });
});

describe('changes an update makes', () => {
  it('labels each field, the manager and the status', () => {
    expect(fieldLabel('en', 'title')).toBe('Job title');
    expect(fieldLabel('fr', 'manager_external_id')).toBe('Responsable');
    expect(fieldLabel('fr', 'active')).toBe('Statut');
    expect(fieldLabel('en', 'from_a_newer_backend')).toBe('from_a_newer_backend');
  });

  it('shows an empty value as a dash and names coded values', () => {
    expect(changeValueText('en', 'title', '')).toBe('—');
    expect(changeValueText('en', 'title', 'Comptable')).toBe('Comptable');
    expect(changeValueText('fr', 'role', 'mentee')).toBe('Mentoré(e)');
    expect(changeValueText('en', 'adoption_profile', 'good_student')).toBe('Good student');
    expect(changeValueText('en', 'languages', 'fr, en')).toBe('French, English');
    expect(changeValueText('fr', 'active', 'false')).toBe('Inactif');
    expect(changeValueText('fr', 'active', 'true')).toBe('Actif');
    expect(changeValueText('en', 'hire_date', '2021-06-07')).toBe('7 Jun 2021');
  });

  it('counts the updated employees the list leaves out', () => {
    const changes = [{ external_id: 'E1', full_name: 'Ada Roux', changes: [{ field: 'title', before: 'A', after: 'B' }] }];
    expect(moreChanges(preview({ counts: { new: 0, updated: 1, unchanged: 0, rejected: 0, missing_from_file: 0 }, changes }))).toBe(0);
    expect(moreChanges(preview({ counts: { new: 0, updated: 640, unchanged: 0, rejected: 0, missing_from_file: 0 }, changes }))).toBe(639);
  });
});

describe('rejected rows', () => {
  it('names the row as a spreadsheet shows it, and the text line only when it differs', () => {
    expect(rejectedWhere('en', rejected({ row: 7, line: 7 }))).toBe('Row 7');
    expect(rejectedWhere('fr', rejected({ row: 7, line: 7 }))).toBe('Ligne 7');
    expect(rejectedWhere('en', rejected({ row: 7, line: 8 }))).toBe('Row 7 (text line 8)');
    expect(rejectedWhere('fr', rejected({ row: 7, line: 8 }))).toBe('Ligne 7 (ligne de texte 8)');
  });

  it('does not repeat the reason in the detail, and quotes the value at fault', () => {
    const row = rejected({
      reason: 'email_invalid',
      value: 'paul.blanc@',
      details: [{ key: 'field_rule', params: { field: 'email', rule: 'email_invalid' } }],
    });
    expect(repeatsReason('email_invalid', row.details[0])).toBe(true);
    expect(rejectedRowView('fr', row)).toEqual({ where: 'Ligne 5', reason: 'Adresse e-mail invalide', value: '« paul.blanc@ »', detail: '' });
    expect(rejectedReasonText('en', row)).toBe('Invalid email address: “paul.blanc@”');
    expect(rejectedReasonText('fr', row)).toBe('Adresse e-mail invalide : « paul.blanc@ »');
  });

  it('keeps a detail that says more than the reason, without quoting the value twice', () => {
    const row = rejected({ reason: 'duplicate_id', value: 'E3002', details: [{ key: 'duplicate_id_in_file', params: { id: 'E3002', line: '3' } }] });
    const view = rejectedRowView('fr', row);
    expect(view.value).toBeNull();
    expect(view.detail).toBe('Le matricule « E3002 » figure déjà à la ligne 3.');
    expect(rejectedReasonText('fr', row)).toBe('Matricule en double. Le matricule « E3002 » figure déjà à la ligne 3.');
  });

  it('keeps the value and the rule when both say something', () => {
    const row = rejected({ reason: 'grade_invalid', value: '12', details: [{ key: 'field_rule', params: { field: 'grade', rule: 'grade_invalid' } }] });
    expect(rejectedReasonText('en', row)).toBe('Invalid grade: “12”. Grade: the grade must be a whole number from 1 to 10.');
  });

  it('words every rejected row for the export, by its text line, on one line', () => {
    const rows = [
      rejected({ row: 4, line: 4, reason: 'email_missing', details: [{ key: 'field_rule', params: { field: 'email', rule: 'required' } }] }),
      rejected({ row: 6, line: 8, reason: 'column_count', details: [{ key: 'column_count', params: { found: '5', expected: '11' } }] }),
    ];
    expect(rejectedReasons('en', rows)).toEqual([
      { line: 4, reason: 'No email address' },
      { line: 8, reason: 'Wrong number of columns. This row has 5 fields but the header has 11: check for a missing or extra delimiter.' },
    ]);
  });

  it('falls back to the backend sentence for a detail it cannot word', () => {
    const row = rejected({ reason: 'value_invalid', details: [{ key: 'from_a_newer_backend', params: {} }] });
    expect(rejectedReasonText('fr', row)).toBe('Valeur invalide. English fallback');
  });
});

describe('a commit refused for a column left out', () => {
  it('names the column in both languages', () => {
    const error: ErrorDto = {
      code: 'validation',
      key: null,
      params: {},
      message: 'Some fields are invalid.',
      fields: [{ field: 'mapping', key: 'ignored_unconfirmed', message: 'English fallback', params: { column: 'Notes' } }],
    };
    expect(describeError('en', error)).toBe('The column “Notes” has values and is not imported: choose its field, or confirm that it is not imported.');
    expect(describeError('fr', error)).toBe(
      'La colonne « Notes » contient des valeurs et n’est pas importée : choisissez son champ, ou confirmez qu’elle ne doit pas l’être.',
    );
  });
});
