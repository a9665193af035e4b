import { describe, expect, it } from 'vitest';
import { en } from './en';
import { fr } from './fr';
import { formatNumber, interpolate, languageFromNavigator, pluralCategory, translate, translatePlural } from './core';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('message catalogs', () => {
  it('french has exactly the english keys', () => {
    expect(Object.keys(fr).sort()).toEqual(Object.keys(en).sort());
  });

  it('no message is empty in either language', () => {
    for (const [key, value] of [...Object.entries(en), ...Object.entries(fr)]) {
      expect(value.trim(), key).not.toBe('');
    }
  });

  it('each french message uses the same placeholders as its english source', () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(fr[key]), key).toEqual(placeholders(en[key]));
    }
  });

  it('every plural message has both forms', () => {
    for (const key of Object.keys(en)) {
      if (key.endsWith('.one')) expect(Object.keys(en), key).toContain(key.replace(/\.one$/, '.other'));
    }
  });

  it('names the areas as the product does', () => {
    expect(translate('fr', 'nav.directory')).toBe('Annuaire');
    expect(translate('en', 'nav.directory')).toBe('Directory');
    expect(translate('fr', 'nav.import')).toBe('Importer');
    expect(translate('fr', 'nav.catalog')).toBe('Catalogue');
    expect(translate('fr', 'directory.newEmployee')).toBe('Nouvel employé');
    expect(translate('fr', 'level.1')).toBe('Notions');
    expect(translate('fr', 'profile.good_student')).toBe('Bon élève');
    expect(translate('fr', 'role.mentee')).toBe('Mentoré(e)');
  });
});

describe('interpolation', () => {
  it('fills named placeholders and formats numbers for the language', () => {
    expect(interpolate('en', 'Edit {name}', { name: 'Ada' })).toBe('Edit Ada');
    expect(interpolate('en', '{done} of {total}', { done: 1500, total: 20000 })).toBe('1,500 of 20,000');
    expect(interpolate('fr', '{done} sur {total}', { done: 1500, total: 20000 })).toBe('1\u202f500 sur 20\u202f000');
  });

  it('leaves unknown placeholders visible rather than dropping them', () => {
    expect(interpolate('en', 'Hello {who}', {})).toBe('Hello {who}');
  });
});

describe('plurals', () => {
  it('french treats 0 and 1 as singular, english only 1', () => {
    expect(pluralCategory('fr', 0)).toBe('one');
    expect(pluralCategory('fr', 1)).toBe('one');
    expect(pluralCategory('fr', 2)).toBe('other');
    expect(pluralCategory('en', 0)).toBe('other');
    expect(pluralCategory('en', 1)).toBe('one');
  });

  it('picks the form and formats the count', () => {
    expect(translatePlural('en', 'directory.count', 1)).toBe('1 employee');
    expect(translatePlural('en', 'directory.count', 1234)).toBe('1,234 employees');
    expect(translatePlural('fr', 'directory.count', 0)).toBe('0 collaborateur');
    expect(translatePlural('fr', 'directory.count', 1234)).toBe('1\u202f234 collaborateurs');
  });
});

describe('language choice', () => {
  it('follows the navigator: french for any fr tag, english otherwise', () => {
    expect(languageFromNavigator('fr-FR')).toBe('fr');
    expect(languageFromNavigator('fr')).toBe('fr');
    expect(languageFromNavigator('FR-ca')).toBe('fr');
    expect(languageFromNavigator('en-US')).toBe('en');
    expect(languageFromNavigator('de-DE')).toBe('en');
    expect(languageFromNavigator(undefined)).toBe('en');
  });

  it('formats numbers with the locale of the language', () => {
    expect(formatNumber('en', 20000)).toBe('20,000');
    expect(formatNumber('fr', 20000)).toBe('20\u202f000');
  });
});
