import { describe, expect, it } from 'vitest';
import type { ProfileGapDto } from '../api';
import type { ProgramPersonDto } from '../api/programs';
import type { MyPairDto, SessionCountsDto } from '../api/sessions';
import { computeTodos, otherPerson } from './todo';

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

describe('to do', () => {
  it('is empty when everything is done', () => {
    expect(computeTodos({ pairs: [pair('pa1', 'mentee')], profileGaps: [] })).toEqual([]);
    expect(computeTodos({ pairs: [], profileGaps: [] })).toEqual([]);
  });

  it('asks to acknowledge the charter first, then to mark, log and confirm sessions, and the profile last', () => {
    const pairs = [
      pair('pa1', 'mentor', { levels_to_confirm: 2 }, { unlogged: 1 }),
      pair('pa2', 'mentee', { charter_acknowledged: false, program_name: 'Pilot' }, { to_mark: 3 }),
    ];
    expect(computeTodos({ pairs, profileGaps: ['availability'] })).toEqual([
      { kind: 'charter', pairId: 'pa2', program: 'Pilot' },
      { kind: 'mark', pairId: 'pa2', other: 'Hugo Martin', count: 3 },
      { kind: 'log', pairId: 'pa1', other: 'Anne Roux', count: 1 },
      { kind: 'confirm', pairId: 'pa1', other: 'Anne Roux', count: 2 },
      { kind: 'profile', gaps: ['availability'] },
    ]);
  });

  it('asks to acknowledge a charter only where it is not acknowledged', () => {
    const pairs = [pair('pa1', 'mentee', { charter_acknowledged: false, program_name: 'Cohorte 1' }), pair('pa2', 'mentor')];
    expect(computeTodos({ pairs, profileGaps: [] })).toEqual([{ kind: 'charter', pairId: 'pa1', program: 'Cohorte 1' }]);
  });

  it('leaves levels to the mentor: a mentee has none to confirm', () => {
    const pairs = [pair('pa1', 'mentee', { levels_to_confirm: 4 })];
    expect(computeTodos({ pairs, profileGaps: [] })).toEqual([]);
  });

  it('asks to complete the profile only when it lacks something, naming what the core says is missing', () => {
    const pairs = [pair('pa1', 'mentee', {}, { to_mark: 1 })];
    expect(computeTodos({ pairs, profileGaps: [] }).map((t) => t.kind)).toEqual(['mark']);
    const todos = computeTodos({ pairs, profileGaps: ['goals', 'availability'] });
    expect(todos.map((t) => t.kind)).toEqual(['mark', 'profile']);
    expect(todos[1]).toEqual({ kind: 'profile', gaps: ['goals', 'availability'] });
  });

  it('asks to complete the profile before any pair exists', () => {
    expect(computeTodos({ pairs: [], profileGaps: ['skills'] })).toEqual([{ kind: 'profile', gaps: ['skills'] }]);
  });

  it('keeps its own copy of the gaps', () => {
    const gaps: ProfileGapDto[] = ['goals'];
    const [todo] = computeTodos({ pairs: [], profileGaps: gaps });
    gaps.push('availability');
    expect(todo).toEqual({ kind: 'profile', gaps: ['goals'] });
  });
});

describe('my pairs', () => {
  it('names the other person of the pair', () => {
    expect(otherPerson(pair('pa1', 'mentee')).full_name).toBe('Hugo Martin');
    expect(otherPerson(pair('pa1', 'mentor')).full_name).toBe('Anne Roux');
  });
});
