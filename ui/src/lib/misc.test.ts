import { describe, expect, it } from 'vitest';
import { parseRoute, routeHref, areaOf, type Route } from './routes';
import { delimiterKey, progressFraction, reassignColumn } from './importMapping';
import { groupSkills, skillsToSubmit, topicName } from './skills';
import { addTag } from './tags';
import { toErrorDto } from '../api/errors';
import type { CatalogDto } from '../api';

describe('routes', () => {
  it('round-trips every screen through the URL hash', () => {
    const routes: Route[] = [
      { name: 'directory' },
      { name: 'home' },
      { name: 'employee', id: 'a1b2' },
      { name: 'employee-new' },
      { name: 'employee-edit', id: 'a1b2' },
      { name: 'import' },
      { name: 'catalog' },
      { name: 'program', id: 'p1', tab: 'dashboard' },
      { name: 'program', id: 'p1', tab: 'pairs' },
      { name: 'program', id: 'p1', tab: 'pairs', atRisk: true },
      { name: 'program-report', id: 'p1' },
      { name: 'pair', id: 'pa1' },
      { name: 'pair', id: 'pa1', session: 's1' },
      { name: 'progress' },
      { name: 'mentee-progress', id: 'e1' },
      { name: 'mentor-recognition', id: 'e2' },
    ];
    for (const r of routes) expect(parseRoute(routeHref(r))).toEqual(r);
  });

  it('opens the directory for unknown addresses', () => {
    expect(parseRoute('')).toEqual({ name: 'directory' });
    expect(parseRoute('#/nowhere/else')).toEqual({ name: 'directory' });
  });

  it('gives the home of mentees, mentors and managers its own address', () => {
    expect(parseRoute('#/home')).toEqual({ name: 'home' });
    expect(parseRoute('#/home/')).toEqual({ name: 'home' });
    expect(routeHref({ name: 'home' })).toBe('#/home');
    expect(parseRoute('#/home/else')).toEqual({ name: 'directory' });
    expect(areaOf({ name: 'home' })).toBe('home');
  });

  it('puts employee screens under the directory area', () => {
    expect(areaOf({ name: 'employee-edit', id: 'x' })).toBe('directory');
    expect(areaOf({ name: 'catalog' })).toBe('catalog');
    expect(areaOf({ name: 'mentee-progress', id: 'x' })).toBe('progress');
    expect(areaOf({ name: 'program-report', id: 'x' })).toBe('programs');
  });
});

describe('import mapping', () => {
  it('moves a field to the chosen column, ignoring the column that had it', () => {
    expect(reassignColumn(['email', 'first_name', null], 2, 'email')).toEqual([null, 'first_name', 'email']);
  });
  it('ignores a column', () => {
    expect(reassignColumn(['email', 'first_name'], 1, null)).toEqual(['email', null]);
  });
  it('names delimiters', () => {
    expect(delimiterKey(';')).toBe('import.delimiter.semicolon');
    expect(delimiterKey('\t')).toBe('import.delimiter.tab');
  });
  it('computes progress only when the total is known', () => {
    expect(progressFraction(50, 200)).toBe(0.25);
    expect(progressFraction(300, 200)).toBe(1);
    expect(progressFraction(null, 200)).toBeNull();
    expect(progressFraction(5, 0)).toBeNull();
  });
});

describe('skills', () => {
  const catalog: CatalogDto = {
    platforms: [
      { id: 'li', name: 'LinkedIn', position: 0, active: true, topics: [
        { id: 't1', platform_id: 'li', name_en: 'Profile', name_fr: 'Profil', position: 0, active: true },
        { id: 't2', platform_id: 'li', name_en: 'Posts', name_fr: '', position: 1, active: true },
      ] },
      { id: 'tt', name: 'TikTok', position: 1, active: true, topics: [
        { id: 't3', platform_id: 'tt', name_en: 'Video', name_fr: 'Vidéo', position: 0, active: true },
      ] },
    ],
  };

  it('groups by platform in catalog order, naming topics in the language', () => {
    const groups = groupSkills(catalog, [{ topic_id: 't3', level: 1, target: null }, { topic_id: 't2', level: 4, target: null }, { topic_id: 'gone', level: 2, target: null }], 'fr');
    expect(groups.map((g) => g.platformName)).toEqual(['LinkedIn', 'TikTok']);
    expect(groups[0].skills.map((s) => s.topicName)).toEqual(['Posts']);
    expect(groups[1].skills[0].topicName).toBe('Vidéo');
  });

  it('falls back to the other language for a blank name', () => {
    expect(topicName({ name_en: '', name_fr: 'Profil' }, 'en')).toBe('Profil');
  });

  it('submits only meaningful skills, with targets for mentees only', () => {
    const values = { t1: { level: 0, target: null }, t2: { level: 2, target: 4 }, t3: { level: 0, target: 3 } };
    expect(skillsToSubmit(values, true)).toEqual([
      { topic_id: 't2', level: 2, target: 4 },
      { topic_id: 't3', level: 0, target: 3 },
    ]);
    expect(skillsToSubmit(values, false)).toEqual([{ topic_id: 't2', level: 2, target: null }]);
  });
});

describe('tags', () => {
  it('adds trimmed tags once, whatever the case', () => {
    expect(addTag(['video'], '  personal   branding ')).toEqual(['video', 'personal branding']);
    const same = ['Video'];
    expect(addTag(same, 'video')).toBe(same);
    expect(addTag(same, '   ')).toBe(same);
  });
});

describe('toErrorDto', () => {
  it('keeps an ErrorDto and wraps anything else', () => {
    const none = { key: null, params: {} };
    const taken = { code: 'conflict', key: 'email_taken', params: { who: 'Ada' }, message: 'Email used', fields: [] };
    expect(toErrorDto(taken)).toEqual(taken);
    // An older or partial shape still gets every field.
    expect(toErrorDto({ code: 'conflict', message: 'Email used', fields: [] })).toEqual({ code: 'conflict', ...none, message: 'Email used', fields: [] });
    expect(toErrorDto({ code: 'validation', message: 'x' })).toEqual({ code: 'validation', ...none, message: 'x', fields: [] });
    expect(toErrorDto('command list_employees not found')).toEqual({ code: 'internal', ...none, message: 'command list_employees not found', fields: [] });
  });
});
