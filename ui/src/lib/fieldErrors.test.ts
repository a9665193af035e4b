import { describe, expect, it } from 'vitest';
import { baseField, mapFieldErrors, unplacedFields } from './fieldErrors';
import { isMessageKey, translate } from './i18n/core';

const fr = (key: string) => (isMessageKey(key) ? translate('fr', key) : undefined);

describe('mapFieldErrors', () => {
  it('translates each error by its key, under its field', () => {
    const out = mapFieldErrors(
      {
        code: 'validation',
        key: null,
        params: {},
        message: 'invalid',
        fields: [
          { field: 'email', key: 'email_invalid', message: '"x" is not an email address.' },
          { field: 'first_name', key: 'required', message: 'First name is required.' },
        ],
      },
      fr,
    );
    expect(out).toEqual({
      email: ['Cette adresse e-mail n’est pas valide.'],
      first_name: ['Ce champ est obligatoire.'],
    });
  });

  it('falls back to the server message when the key is unknown', () => {
    const out = mapFieldErrors(
      { code: 'validation', key: null, params: {}, message: 'invalid', fields: [{ field: 'grade', key: 'brand_new_rule', message: 'Grade 11 is above 10.' }] },
      fr,
    );
    expect(out.grade).toEqual(['Grade 11 is above 10.']);
  });

  it('groups nested fields under their form section and drops duplicates', () => {
    const out = mapFieldErrors(
      {
        code: 'validation',
        key: null,
        params: {},
        message: 'invalid',
        fields: [
          { field: 'availability[0].end_minute', key: 'slot_invalid', message: 'a' },
          { field: 'availability[2]', key: 'slot_overlap', message: 'b' },
          { field: 'availability.3', key: 'slot_overlap', message: 'b' },
        ],
      },
      fr,
    );
    expect(Object.keys(out)).toEqual(['availability']);
    expect(out.availability).toHaveLength(2);
  });

  it('gives nothing for an error without fields or no error', () => {
    expect(mapFieldErrors({ code: 'conflict', key: 'email_taken', params: {}, message: 'Email already used', fields: [] }, fr)).toEqual({});
    expect(mapFieldErrors(null, fr)).toEqual({});
  });

  it('finds the fields the form cannot place', () => {
    expect(unplacedFields({ email: ['x'], nickname: ['y'] }, ['email'])).toEqual(['nickname']);
  });

  it('reads the base name of a field path', () => {
    expect(baseField('skills[3].level')).toBe('skills');
    expect(baseField('email')).toBe('email');
  });
});
