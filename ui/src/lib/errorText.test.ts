import { describe, expect, it } from 'vitest';
import type { ErrorDto } from '../api';
import { REFUSAL_KEYS } from '../api/bindings/messageKeys';
import { describeError, refusalParams } from './errorText';
import { catalogs } from './i18n/core';

const refused = (key: string, params: Record<string, string> = {}, code = 'conflict'): ErrorDto => ({
  code,
  key,
  params,
  message: 'English fallback',
  fields: [],
});

describe('refusals', () => {
  it('every key the backend can send has a sentence in both languages', () => {
    expect(REFUSAL_KEYS.length).toBeGreaterThan(20);
    for (const key of REFUSAL_KEYS) {
      for (const lang of ['en', 'fr'] as const) {
        const sentence = (catalogs[lang] as Record<string, string>)[`refusal.${key}`];
        expect(sentence?.trim(), `${lang} refusal.${key}`).toBeTruthy();
      }
    }
  });

  it('a double booking names the person, the partner and the time in the interface language', () => {
    const error = refused('double_booking', {
      person: 'Léa Martin',
      partner: 'Paul Girard',
      starts_at: '2026-01-13T09:00:00+00:00',
      ends_at: '2026-01-13T10:00:00+00:00',
      timezone: 'Europe/Paris',
    });
    const fr = describeError('fr', error);
    expect(fr).toContain('Léa Martin a déjà une séance avec Paul Girard le ');
    expect(fr).toMatch(/13 janv\. 2026.*10:00–11:00 \(Paris\)/);
    expect(fr).not.toContain('English');
    const en = describeError('en', error);
    expect(en).toMatch(/^Léa Martin already has a session with Paul Girard on Tue,? 13 Jan 2026.*10:00–11:00 \(Paris\)/);
  });

  it('fills every placeholder of a sentence from the params', () => {
    const text = describeError('fr', refused('email_taken', { email: 'a@b.fr', who: 'Ada Roux (Ventes)' }));
    expect(text).toBe('L’adresse a@b.fr est déjà utilisée par Ada Roux (Ventes). Choisissez-en une autre, ou modifiez la fiche de cette personne.');
    expect(text).not.toMatch(/\{\w+\}/);
  });

  it('{when} is only built when the refusal names an instant', () => {
    expect(refusalParams('en', { count: '2' })).toEqual({ count: '2' });
    expect(refusalParams('en', { starts_at: '2026-03-02T08:00:00Z' }).when).toMatch(/2 Mar 2026.*08:00 \(UTC\)/);
    // A stale change names who changed the record, and when in the language's format.
    const stale = describeError('fr', refused('stale_record', { who: 'hr_claire', changed_at: '2026-03-02T08:00:00Z' }));
    expect(stale).toMatch(/^hr_claire a modifié cette fiche à .*2026/);
    expect(stale).not.toMatch(/\{/);
  });
});

describe('other errors', () => {
  it('an unknown key falls back to the kind of error, never to the English message', () => {
    expect(describeError('fr', refused('a_key_from_a_newer_backend'))).toBe(catalogs.fr['error.conflict']);
  });

  it('a storage failure reads as its kind', () => {
    const error: ErrorDto = { code: 'storage', key: null, params: {}, message: 'disk I/O error', fields: [] };
    expect(describeError('fr', error)).toBe(catalogs.fr['error.storage']);
  });

  it('a validation error reads as its translated fields, once each', () => {
    const error: ErrorDto = {
      code: 'validation',
      key: null,
      params: {},
      message: 'email invalid',
      fields: [
        { field: 'email', key: 'email_invalid', message: 'bad email', params: {} },
        { field: 'email2', key: 'email_invalid', message: 'bad email', params: {} },
        { field: 'x', key: 'rule_the_ui_does_not_know', message: 'Grade 11 is above 10.', params: {} },
      ],
    };
    expect(describeError('fr', error)).toBe(`${catalogs.fr['error.email_invalid']} Grade 11 is above 10.`);
  });

  it('a message with no known code is shown as sent', () => {
    const error: ErrorDto = { code: 'weird', key: null, params: {}, message: 'as sent', fields: [] };
    expect(describeError('en', error)).toBe('as sent');
  });
});
