import { describe, expect, it } from 'vitest';
import { baseField, fieldErrorText, mapFieldErrors, unplacedFields } from './fieldErrors';
import { catalogs, isMessageKey, translate } from './i18n/core';

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
          { field: 'email', key: 'email_invalid', message: '"x" is not an email address.', params: {} },
          { field: 'first_name', key: 'required', message: 'First name is required.', params: {} },
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
      { code: 'validation', key: null, params: {}, message: 'invalid', fields: [{ field: 'grade', key: 'brand_new_rule', message: 'Grade 11 is above 10.', params: {} }] },
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
          { field: 'availability[0].end_minute', key: 'slot_invalid', message: 'a', params: {} },
          { field: 'availability[2]', key: 'slot_overlap', message: 'b', params: {} },
          { field: 'availability.3', key: 'slot_overlap', message: 'b', params: {} },
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

describe('fieldErrorText', () => {
  const fr = (key: string, params?: Record<string, string | number>) =>
    isMessageKey(key) ? translate('fr', key, params) : undefined;

  it('names the limit when the error carries it', () => {
    const text = fieldErrorText({ field: 'reason', key: 'too_long', message: 'too long', params: { max: '500' } }, fr);
    expect(text).toBe('Ce texte est trop long : 500 caractères au plus.');
  });

  it('falls back to the general sentence when a value is missing, never showing a placeholder', () => {
    const text = fieldErrorText({ field: 'reason', key: 'too_long', message: 'too long', params: { other: '1' } }, fr);
    expect(text).toBe(catalogs.fr['error.too_long']);
    expect(fieldErrorText({ field: 'x', key: 'too_long', message: 'm', params: {} }, fr)).toBe(catalogs.fr['error.too_long']);
  });
});
