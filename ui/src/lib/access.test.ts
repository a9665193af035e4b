import { describe, expect, it } from 'vitest';
import type { MeDto } from '../api';
import type { ProgramPersonDto } from '../api/programs';
import {
  activeEntry,
  canOpen,
  displayName,
  homeRoute,
  navEntries,
  navLabel,
  resolveRoute,
  roleWords,
  rolesOf,
  routeGate,
  type Roles,
} from './access';
import { translate } from './i18n/core';
import { parseRoute } from './routes';

const person = (id: string, full_name: string): ProgramPersonDto => {
  const [first_name, last_name] = full_name.split(' ');
  return { id, first_name, last_name, full_name, email: `${id}@example.com`, department: 'Sales', title: 'Analyst', active: true };
};

const soloHr: MeDto = { login: null, person: null, hr: true, mentee: false, mentor: false, manager: false, viewing_as: null, profile_gaps: [] };
const claire = person('e1', 'Claire Petit');

function roles(partial: Partial<Roles>): Roles {
  return { hr: false, mentee: false, mentor: false, manager: false, personId: 'e1', ...partial };
}

describe('roles', () => {
  it('reads HR at the keyboard of a file as nobody in particular', () => {
    expect(rolesOf(soloHr)).toEqual({ hr: true, mentee: false, mentor: false, manager: false, personId: null });
  });

  it('acts for the person HR views as, with their roles and no HR rights', () => {
    const viewing: MeDto = { ...soloHr, hr: false, mentee: true, viewing_as: claire };
    expect(rolesOf(viewing)).toEqual({ hr: false, mentee: true, mentor: false, manager: false, personId: 'e1' });
  });

  it('acts for the signed-in person on a team database', () => {
    const me: MeDto = { login: 'cpetit', person: claire, hr: false, mentee: false, mentor: true, manager: true, viewing_as: null, profile_gaps: [] };
    expect(rolesOf(me)).toMatchObject({ mentor: true, manager: true, personId: 'e1' });
  });
});

describe('navigation', () => {
  it('keeps HR on a file with every area of today', () => {
    expect(navEntries(rolesOf(soloHr))).toEqual(['directory', 'programs', 'week', 'progress', 'import', 'catalog']);
  });

  it('adds home and profile for an HR administrator who also takes part', () => {
    expect(navEntries(roles({ hr: true, mentor: true }))).toEqual(['directory', 'home', 'programs', 'week', 'progress', 'import', 'catalog', 'profile']);
    // HR's own manager view already shows anyone's people.
    expect(navEntries(roles({ hr: true, manager: true }))).toEqual(['directory', 'programs', 'week', 'progress', 'import', 'catalog', 'profile']);
  });

  it('gives a mentee or a mentor their home, week, profile and the catalog', () => {
    expect(navEntries(roles({ mentee: true }))).toEqual(['home', 'week', 'profile', 'catalog']);
    expect(navEntries(roles({ mentor: true }))).toEqual(['home', 'week', 'profile', 'catalog']);
  });

  it('gives a manager their people: on their home alone, as an entry when they also take part', () => {
    expect(navEntries(roles({ manager: true }))).toEqual(['home', 'profile', 'catalog']);
    expect(navEntries(roles({ mentee: true, manager: true }))).toEqual(['home', 'week', 'progress', 'profile', 'catalog']);
  });

  it('gives anyone else their profile and the catalog', () => {
    expect(navEntries(roles({}))).toEqual(['profile', 'catalog']);
    expect(navEntries(roles({ personId: null }))).toEqual(['catalog']);
  });

  it('calls the manager view "My people" for a manager and "Progress" for HR', () => {
    expect(navLabel('progress', roles({ hr: true }))).toBe('nav.progress');
    expect(navLabel('progress', roles({ manager: true, mentor: true }))).toBe('nav.myPeople');
    expect(navLabel('catalog', roles({}))).toBe('nav.catalog');
  });
});

describe('home', () => {
  it('lands HR on the directory and a participant or manager on their home', () => {
    expect(homeRoute(rolesOf(soloHr))).toEqual({ name: 'directory' });
    expect(homeRoute(roles({ mentee: true }))).toEqual({ name: 'home' });
    expect(homeRoute(roles({ manager: true }))).toEqual({ name: 'home' });
    expect(homeRoute(roles({}))).toEqual({ name: 'employee', id: 'e1' });
    expect(homeRoute(roles({ personId: null }))).toEqual({ name: 'catalog' });
  });

  it('opens the role’s home at #/ and at unknown addresses', () => {
    expect(resolveRoute(parseRoute('#/'), roles({ mentor: true }))).toEqual({ name: 'home' });
    expect(resolveRoute(parseRoute('#/nowhere'), roles({ manager: true }))).toEqual({ name: 'home' });
    expect(resolveRoute(parseRoute('#/'), rolesOf(soloHr))).toEqual({ name: 'directory' });
    expect(resolveRoute(parseRoute('#/'), roles({}))).toEqual({ name: 'employee', id: 'e1' });
  });

  it('sends HR in no pair from #/home to the directory', () => {
    expect(resolveRoute({ name: 'home' }, rolesOf(soloHr))).toEqual({ name: 'directory' });
    expect(resolveRoute({ name: 'home' }, roles({ hr: true, manager: true }))).toEqual({ name: 'directory' });
    expect(resolveRoute({ name: 'home' }, roles({ hr: true, mentee: true }))).toEqual({ name: 'home' });
    expect(resolveRoute({ name: 'home' }, roles({}))).toEqual({ name: 'home' });
  });
});

describe('who may open a page', () => {
  const mentee = roles({ mentee: true });
  const manager = roles({ manager: true });

  it('lets HR open everything', () => {
    for (const hash of ['#/', '#/import', '#/programs/p1/review', '#/employees/e9', '#/progress', '#/progress/mentors/e9']) {
      expect(routeGate(parseRoute(hash), roles({ hr: true })), hash).toBe('open');
    }
  });

  it('keeps the HR screens for HR', () => {
    for (const hash of ['#/import', '#/programs', '#/programs/new', '#/programs/p1/pairs', '#/programs/p1/edit', '#/programs/p1/report', '#/employees/new']) {
      expect(routeGate(parseRoute(hash), mentee), hash).toBe('hr');
    }
    expect(routeGate({ name: 'directory' }, mentee)).toBe('hr');
  });

  it('opens one’s own profile and its form, not someone else’s', () => {
    expect(routeGate(parseRoute('#/employees/e1'), mentee)).toBe('open');
    expect(routeGate(parseRoute('#/employees/e1/edit'), mentee)).toBe('open');
    expect(routeGate(parseRoute('#/employees/e2'), mentee)).toBe('hr');
    expect(routeGate(parseRoute('#/employees/e2/edit'), manager)).toBe('hr');
  });

  it('opens the manager view to managers only, and a mentee’s progress to them and managers', () => {
    expect(routeGate({ name: 'progress' }, mentee)).toBe('people');
    expect(routeGate({ name: 'progress' }, manager)).toBe('open');
    expect(routeGate({ name: 'mentee-progress', id: 'e1' }, mentee)).toBe('open');
    expect(routeGate({ name: 'mentee-progress', id: 'e2' }, mentee)).toBe('people');
    expect(routeGate({ name: 'mentee-progress', id: 'e2' }, manager)).toBe('open');
  });

  it('keeps a mentor’s recognition for the mentor, even from their manager', () => {
    expect(routeGate({ name: 'mentor-recognition', id: 'e1' }, roles({ mentor: true }))).toBe('open');
    expect(routeGate({ name: 'mentor-recognition', id: 'e2' }, manager)).toBe('hr');
  });

  it('opens the week, the catalog, the database and pair pages to everyone', () => {
    for (const hash of ['#/week', '#/catalog', '#/database', '#/pairs/x', '#/home']) {
      expect(routeGate(parseRoute(hash), roles({})), hash).toBe('open');
    }
  });

  it('links only to one’s own pairs, progress and profile', () => {
    const mine = new Set(['pa1']);
    expect(canOpen({ name: 'pair', id: 'pa1' }, mentee, mine)).toBe(true);
    expect(canOpen({ name: 'pair', id: 'pa2', session: 's1' }, mentee, mine)).toBe(false);
    expect(canOpen({ name: 'pair', id: 'pa2' }, manager, mine)).toBe(false);
    expect(canOpen({ name: 'mentee-progress', id: 'e1' }, mentee, mine)).toBe(true);
    expect(canOpen({ name: 'mentee-progress', id: 'e2' }, manager, mine)).toBe(false);
    expect(canOpen({ name: 'employee', id: 'e2' }, manager, mine)).toBe(false);
    expect(canOpen({ name: 'program', id: 'p1', tab: 'dashboard' }, mentee, mine)).toBe(false);
    expect(canOpen({ name: 'pair', id: 'pa9' }, roles({ hr: true }), new Set())).toBe(true);
  });
});

describe('the highlighted entry', () => {
  it('highlights my profile on my own page, the directory on someone else’s for HR', () => {
    expect(activeEntry({ name: 'employee', id: 'e1' }, roles({ mentee: true }))).toBe('profile');
    expect(activeEntry({ name: 'employee-edit', id: 'e1' }, roles({ mentee: true }))).toBe('profile');
    expect(activeEntry({ name: 'employee', id: 'e7' }, rolesOf(soloHr))).toBe('directory');
  });

  it('puts a participant’s pair and progress pages under their home, HR’s pairs under programs', () => {
    expect(activeEntry({ name: 'pair', id: 'pa1' }, roles({ mentor: true }))).toBe('home');
    expect(activeEntry({ name: 'mentee-progress', id: 'e1' }, roles({ mentee: true }))).toBe('home');
    expect(activeEntry({ name: 'pair', id: 'pa1' }, rolesOf(soloHr))).toBe('programs');
  });

  it('shows a manager’s people under their home when it has no entry of its own', () => {
    expect(activeEntry({ name: 'progress' }, roles({ manager: true }))).toBe('home');
    expect(activeEntry({ name: 'progress' }, roles({ manager: true, mentee: true }))).toBe('progress');
    expect(activeEntry({ name: 'catalog' }, roles({}))).toBe('catalog');
    expect(activeEntry({ name: 'database' }, roles({}))).toBe('database');
  });
});

describe('who is signed in, in words', () => {
  const words = (me: MeDto, lang: 'en' | 'fr' = 'en') => roleWords(me).map((k) => translate(lang, k)).join(', ');

  it('names HR at the keyboard of a file, and an HR administrator on a team database', () => {
    expect(words(soloHr)).toBe('HR on this computer');
    expect(words({ ...soloHr, login: 'rh', person: claire, mentor: true })).toBe('HR administrator, Mentor');
    expect(words(soloHr, 'fr')).toBe('RH sur cet ordinateur');
  });

  it('lists every role of a participant, or says they are an employee', () => {
    const me: MeDto = { login: 'cpetit', person: claire, hr: false, mentee: true, mentor: false, manager: true, viewing_as: null, profile_gaps: [] };
    expect(words(me)).toBe('Mentee, Manager');
    expect(words({ ...me, mentee: false, manager: false })).toBe('Employee');
  });

  it('names the person viewed as, else the person signed in, else the login', () => {
    expect(displayName(soloHr)).toBeNull();
    expect(displayName({ ...soloHr, hr: false, viewing_as: claire })).toBe('Claire Petit');
    expect(displayName({ ...soloHr, login: 'cpetit', person: claire })).toBe('Claire Petit');
    expect(displayName({ ...soloHr, login: 'rh_admin' })).toBe('rh_admin');
  });
});
