import { describe, expect, it } from 'vitest';
import type { RejectedRowDto } from '../api';
import { ROW_DETAIL_KEYS } from '../api/bindings/messageKeys';
import { catalogs } from './i18n/core';
import { inSentence, rejectedRowText, rowDetailText } from './importMapping';

const row = (details: RejectedRowDto['details']): RejectedRowDto => ({
  row: 7,
  line: 7,
  external_id: 'A7',
  name: 'Ada Roux',
  value: null,
  reason: 'duplicate_email',
  message: 'English fallback',
  details,
});

describe('rejected import rows', () => {
  it('every detail key the backend can send has a sentence in both languages', () => {
    expect(ROW_DETAIL_KEYS.length).toBeGreaterThan(10);
    for (const key of ROW_DETAIL_KEYS) {
      for (const lang of ['en', 'fr'] as const) {
        const sentence = (catalogs[lang] as Record<string, string>)[`import.detail.${key}`];
        expect(sentence?.trim(), `${lang} import.detail.${key}`).toBeTruthy();
      }
    }
  });

  it('words a detail in French with the values it names', () => {
    const text = rowDetailText('fr', { key: 'email_owned', params: { email: 'a@b.fr', owner: 'Ada Roux', owner_id: 'LA0001' } });
    expect(text).toBe('L’adresse e-mail a@b.fr appartient déjà à Ada Roux (matricule LA0001) dans Tandem.');
  });

  it('a broken field rule names the column, then the rule in lower case after the colon', () => {
    const text = rowDetailText('fr', { key: 'field_rule', params: { field: 'email', rule: 'email_invalid' } });
    expect(text).toBe('E-mail : cette adresse e-mail n’est pas valide.');
  });

  it('a field over its limit names the limit', () => {
    const text = rowDetailText('fr', { key: 'field_rule', params: { field: 'department', rule: 'too_long', max: '200' } });
    expect(text).toBe(`${catalogs.fr['importField.department']} : ce texte est trop long : 200 caractères au plus.`);
  });

  it('a duplicate names the row where the value first appears, « à la ligne » in French', () => {
    expect(rowDetailText('fr', { key: 'duplicate_id_in_file', params: { id: 'E3002', line: '3' } })).toBe('Le matricule « E3002 » figure déjà à la ligne 3.');
    expect(rowDetailText('en', { key: 'duplicate_id_in_file', params: { id: 'E3002', line: '3' } })).toBe('The HR id “E3002” already appears on row 3.');
  });

  it('joins several details once each', () => {
    const detail = { key: 'field_rule', params: { field: 'first_name', rule: 'required' } };
    const text = rejectedRowText('en', row([detail, detail, { key: 'grade_unreadable', params: { value: 'twelve' } }]));
    expect(text).toBe('First name: this field is required. The grade “twelve” is not a number from 1 to 10.');
  });

  it('leaves out the details it is told to skip', () => {
    const required = { key: 'field_rule', params: { field: 'email', rule: 'required' } };
    const grade = { key: 'grade_unreadable', params: { value: 'twelve' } };
    expect(rejectedRowText('en', row([required, grade]), (d) => d.key === 'field_rule')).toBe('The grade “twelve” is not a number from 1 to 10.');
    expect(rejectedRowText('en', row([required]), () => true)).toBe('');
  });

  it('falls back to the backend sentence when a detail cannot be worded', () => {
    expect(rejectedRowText('fr', row([{ key: 'from_a_newer_backend', params: {} }]))).toBe('English fallback');
    expect(rejectedRowText('fr', row([{ key: 'field_rule', params: { field: 'email', rule: 'unknown_rule' } }]))).toBe('English fallback');
    expect(rejectedRowText('fr', row([]))).toBe('English fallback');
  });
});

describe('words inside a sentence', () => {
  it('lower-cases a label or a sentence, but not an acronym', () => {
    expect(inSentence('Job title')).toBe('job title');
    expect(inSentence('E-mail')).toBe('e-mail');
    expect(inSentence('Ce champ est obligatoire.')).toBe('ce champ est obligatoire.');
    expect(inSentence('HR id')).toBe('HR id');
    expect(inSentence('')).toBe('');
  });
});
