import { describe, expect, it } from 'vitest';
import type { EmployeeDetailDto } from '../api';
import type { ProgramPersonDto } from '../api/programs';
import type { MyPairDto, SessionCountsDto } from '../api/sessions';
import { computeTodos, otherPerson, profileGaps, profileSides } from './todo';

const person = (id: string, full_name: string): ProgramPersonDto => {
  const [first_name, last_name] = full_name.split(' ');
  return { id, first_name, last_name, full_name, email: `${id}@example.com`, department: 'Sales', title: 'Analyst', active: true };
};

const NOTHING: SessionCountsDto = { held: 2, upcoming: 1, to_mark: 0, cancelled: 0, no_show: 0, unlogged: 0, minutes_held: 120 };

function pair(id: string, side: 'mentee' | 'mentor', over: Partial<MyPairDto> = {}, counts: Partial<SessionCountsDto> = {}): MyPairDto {
  return {
    program_id: 'prog-1',
    program_name: 'Social media 2026',
    side,
    overview: {
      pair_id: id,
      mentor: side === 'mentor' ? person('me', 'Claire Petit') : person('m1', 'Hugo Martin'),
      mentee: side === 'mentee' ? person('me', 'Claire Petit') : person('m2', 'Anne Roux'),
      next_session: null,
      last_held: null,
      counts: { ...NOTHING, ...counts },
      risks: [],
    },
    charter_acknowledged: true,
    levels_to_confirm: 0,
    ...over,
  };
}

function employee(over: Partial<EmployeeDetailDto> = {}): EmployeeDetailDto {
  return {
    id: 'me',
    version: 1,
    external_id: 'HR1',
    first_name: 'Claire',
    last_name: 'Petit',
    email: 'claire@example.com',
    department: 'Sales',
    title: 'Analyst',
    grade: 3,
    manager: null,
    direct_reports: [],
    site: 'Paris',
    timezone: 'Europe/Paris',
    languages: ['fr'],
    hire_date: null,
    role: 'mentee',
    adoption_profile: null,
    availability: [{ weekday: 1, start_minute: 540, end_minute: 600 }],
    interests: [],
    skills: [{ topic_id: 't1', level: 1, target: 3 }],
    active: true,
    ...over,
  };
}
const mentee = { mentee: true, mentor: false };
const mentor = { mentee: false, mentor: true };

describe('to do', () => {
  it('is empty when everything is done', () => {
    expect(computeTodos({ pairs: [pair('pa1', 'mentee')], employee: employee(), roles: mentee })).toEqual([]);
  });

  it('asks to acknowledge the charter first, then to mark, log and confirm sessions', () => {
    const pairs = [
      pair('pa1', 'mentor', { levels_to_confirm: 2 }, { unlogged: 1 }),
      pair('pa2', 'mentee', { charter_acknowledged: false, program_name: 'Pilot' }, { to_mark: 3 }),
    ];
    expect(computeTodos({ pairs, employee: employee({ role: 'both' }), roles: { mentee: true, mentor: true } })).toEqual([
      { kind: 'charter', pairId: 'pa2', program: 'Pilot' },
      { kind: 'mark', pairId: 'pa2', other: 'Hugo Martin', count: 3 },
      { kind: 'log', pairId: 'pa1', other: 'Anne Roux', count: 1 },
      { kind: 'confirm', pairId: 'pa1', other: 'Anne Roux', count: 2 },
    ]);
  });

  it('asks to acknowledge a charter only where it is not acknowledged', () => {
    const pairs = [pair('pa1', 'mentee', { charter_acknowledged: false, program_name: 'Cohorte 1' }), pair('pa2', 'mentor')];
    expect(computeTodos({ pairs, employee: null, roles: mentee })).toEqual([{ kind: 'charter', pairId: 'pa1', program: 'Cohorte 1' }]);
  });

  it('leaves levels to the mentor: a mentee has none to confirm', () => {
    const pairs = [pair('pa1', 'mentee', { levels_to_confirm: 4 })];
    expect(computeTodos({ pairs, employee: null, roles: mentee })).toEqual([]);
  });

  it('asks to complete the profile last, naming what is missing', () => {
    const todos = computeTodos({
      pairs: [pair('pa1', 'mentee', {}, { to_mark: 1 })],
      employee: employee({ skills: [{ topic_id: 't1', level: 2, target: null }], availability: [] }),
      roles: mentee,
    });
    expect(todos.map((t) => t.kind)).toEqual(['mark', 'profile']);
    expect(todos[1]).toEqual({ kind: 'profile', gaps: ['goals', 'availability'] });
  });

  it('asks to complete the profile before any pair exists, from the program role', () => {
    expect(computeTodos({ pairs: [], employee: employee({ role: 'mentor', skills: [] }), roles: { mentee: false, mentor: false } })).toEqual([
      { kind: 'profile', gaps: ['skills'] },
    ]);
  });
});

describe('profile gaps', () => {
  it('wants a learning goal from a mentee, a skill from a mentor, and availability from everyone', () => {
    expect(profileGaps(employee(), mentee)).toEqual([]);
    expect(profileGaps(employee({ skills: [] }), mentee)).toEqual(['goals']);
    expect(profileGaps(employee({ skills: [{ topic_id: 't1', level: 3, target: null }] }), mentor)).toEqual([]);
    expect(profileGaps(employee({ skills: [] }), mentor)).toEqual(['skills']);
    expect(profileGaps(employee({ skills: [], availability: [] }), { mentee: true, mentor: true })).toEqual(['goals', 'skills', 'availability']);
    expect(profileGaps(employee({ availability: [] }), { mentee: false, mentor: false })).toEqual(['availability']);
  });

  it('reads the sides from the pairs, or else from the program role', () => {
    expect(profileSides(employee({ role: 'none' }), mentor)).toEqual({ mentee: false, mentor: true });
    expect(profileSides(employee({ role: 'both' }), { mentee: false, mentor: false })).toEqual({ mentee: true, mentor: true });
    expect(profileSides(employee({ role: 'none' }), { mentee: false, mentor: false })).toEqual({ mentee: false, mentor: false });
  });
});

describe('my pairs', () => {
  it('names the other person of the pair', () => {
    expect(otherPerson(pair('pa1', 'mentee')).full_name).toBe('Hugo Martin');
    expect(otherPerson(pair('pa1', 'mentor')).full_name).toBe('Anne Roux');
  });
});
