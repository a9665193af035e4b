import { describe, expect, it } from 'vitest';
import type { AgendaEntryDto, SessionDto, SessionLogDto } from '../api/sessions';
import type { ProgramPersonDto } from '../api/programs';
import {
  agendaPeople,
  dayKey,
  filterByPerson,
  formatDateTime,
  formatTime,
  formatWallClock,
  groupByDay,
  logFormFrom,
  previousTaskFor,
  riskText,
  splitTimeline,
  toggleTopic,
  toLogInput,
  weekWindow,
  zoneCity,
} from './sessions';

function person(id: string, first: string, last: string): ProgramPersonDto {
  return { id, first_name: first, last_name: last, full_name: `${first} ${last}`, email: '', department: '', title: '', active: true };
}

function session(id: string, startsAt: string, status: SessionDto['status'] = 'planned'): SessionDto {
  return {
    id, pair_id: 'p', program_id: 'g', mentor_id: 'm', mentee_id: 'e', starts_at: startsAt,
    ends_at: new Date(Date.parse(startsAt) + 3_600_000).toISOString(), timezone: 'Europe/Paris', minutes: 60,
    location: '', status, cancelled_by: null, cancel_reason: '', series_id: null, sequence: 0,
  };
}

function log(sessionId: string, task: string): SessionLogDto {
  return {
    session_id: sessionId, topics: [], task_set: task, previous_task_outcome: null, previous_task: null, summary: '',
    private_notes: '', mentee_rating: null, mentor_rating: null, self_assessments: [], created_at: '', updated_at: '',
  };
}

const lea = person('1', 'Léa', 'Martin');
const marc = person('2', 'Marc', 'Dubois');
const anne = person('3', 'Anne', 'Bernard');

function entry(id: string, startsAt: string, mentor: ProgramPersonDto, mentee: ProgramPersonDto): AgendaEntryDto {
  return { session: session(id, startsAt), program_name: 'Pilote', mentor, mentee };
}

describe('times in a zone', () => {
  it('shows an instant on the wall clock of the session’s zone, in the interface language', () => {
    // 13:00 UTC in January is 14:00 in Paris and 08:00 in Toronto.
    expect(formatTime('fr', '2026-01-13T13:00:00Z', 'Europe/Paris')).toBe('14:00');
    expect(formatTime('en', '2026-01-13T13:00:00Z', 'America/Toronto')).toBe('08:00');
    expect(formatDateTime('fr', '2026-01-13T13:00:00Z', 'Europe/Paris')).toContain('janv.');
    expect(formatDateTime('en', '2026-01-13T13:00:00Z', 'Europe/Paris')).toContain('Jan');
  });

  it('follows daylight saving time: the same UTC hour is 15:00 in Paris in July', () => {
    expect(formatTime('en', '2026-07-14T13:00:00Z', 'Europe/Paris')).toBe('15:00');
  });

  it('puts a late-evening UTC instant on the next day in a zone ahead of UTC', () => {
    expect(dayKey('2026-01-13T23:30:00Z', 'UTC')).toBe('2026-01-13');
    expect(dayKey('2026-01-13T23:30:00Z', 'Europe/Paris')).toBe('2026-01-14');
  });

  it('falls back to UTC for an unknown zone rather than failing', () => {
    expect(formatTime('en', '2026-01-13T13:00:00Z', 'Mars/Olympus')).toBe('13:00');
  });

  it('formats a zone-less wall-clock time as written', () => {
    expect(formatWallClock('en', '2026-01-13T14:30')).toContain('14:30');
    expect(zoneCity('America/New_York')).toBe('New York');
  });
});

describe('my week', () => {
  it('groups sessions by day in the viewer’s zone, in start order', () => {
    const entries = [
      entry('b', '2026-01-14T09:00:00Z', lea, marc),
      entry('a', '2026-01-13T15:00:00Z', anne, marc),
      entry('c', '2026-01-13T08:00:00Z', lea, anne),
    ];
    const days = groupByDay(entries, (e) => e.session.starts_at, 'Europe/Paris');
    expect(days.map((d) => d.day)).toEqual(['2026-01-13', '2026-01-14']);
    expect(days[0].items.map((e) => e.session.id)).toEqual(['c', 'a']);
  });

  it('lists everyone once in name order and filters on either side of a pair', () => {
    const entries = [entry('a', '2026-01-13T15:00:00Z', lea, marc), entry('b', '2026-01-14T15:00:00Z', anne, marc)];
    expect(agendaPeople(entries).map((p) => p.full_name)).toEqual(['Anne Bernard', 'Marc Dubois', 'Léa Martin']);
    expect(filterByPerson(entries, '1').map((e) => e.session.id)).toEqual(['a']);
    expect(filterByPerson(entries, '2')).toHaveLength(2);
    expect(filterByPerson(entries, null)).toHaveLength(2);
  });

  it('moves by whole weeks from today’s midnight', () => {
    const now = new Date(2026, 0, 13, 16, 45);
    const { from, to } = weekWindow(now, 1);
    expect(from).toEqual(new Date(2026, 0, 20));
    expect(to).toEqual(new Date(2026, 0, 27));
  });
});

describe('the pair page', () => {
  it('says why a pair is at risk', () => {
    expect(riskText('en', { kind: 'consecutive_cancellations', count: 2 })).toBe('2 cancellations in a row');
    expect(riskText('fr', { kind: 'no_session_held_for', days: 50, limit_days: 42 })).toBe('Aucune séance tenue depuis 50 jours (plus de 42)');
  });

  it('lists sessions ahead soonest first, then the past latest first', () => {
    const now = new Date('2026-02-01T00:00:00Z');
    const timeline = [
      { session: session('old', '2026-01-05T09:00:00Z', 'held') },
      { session: session('late', '2026-01-20T09:00:00Z') },
      { session: session('far', '2026-03-01T09:00:00Z') },
      { session: session('soon', '2026-02-02T09:00:00Z') },
      { session: session('off', '2026-02-10T09:00:00Z', 'cancelled') },
    ];
    const { ahead, past } = splitTimeline(timeline, now);
    expect(ahead.map((e) => e.session.id)).toEqual(['soon', 'far']);
    expect(past.map((e) => e.session.id)).toEqual(['off', 'late', 'old']);
  });

  it('finds the task the previous logged session set', () => {
    const timeline = [
      { session: session('1', '2026-01-05T09:00:00Z', 'held'), log: log('1', 'Post once') },
      { session: session('2', '2026-02-02T09:00:00Z', 'cancelled'), log: null },
      { session: session('3', '2026-03-02T09:00:00Z', 'held'), log: null },
    ];
    expect(previousTaskFor(timeline, '3')).toBe('Post once');
    expect(previousTaskFor(timeline, '1')).toBeNull();
    timeline[0].log = log('1', '  ');
    expect(previousTaskFor(timeline, '3')).toBeNull();
  });
});

describe('the learning log form', () => {
  it('sends self-assessed levels only for the topics that have one, and the outcome only after a task', () => {
    let form = logFormFrom(null);
    form = toggleTopic(form, 'li-profile');
    form = toggleTopic(form, 'tt-video');
    form.topics[0].level = 3;
    form.topics[1].depth = 'done_alone';
    form.previous_task_outcome = 'partly';
    const input = toLogInput(form, false);
    expect(input.topics).toEqual([
      { topic_id: 'li-profile', depth: 'shown' },
      { topic_id: 'tt-video', depth: 'done_alone' },
    ]);
    expect(input.self_assessment).toEqual([{ topic_id: 'li-profile', level: 3 }]);
    expect(input.previous_task_outcome).toBeNull();
    expect(toLogInput(form, true).previous_task_outcome).toBe('partly');
  });

  it('removes a topic chosen twice and starts an edit from the saved log', () => {
    const form = toggleTopic(toggleTopic(logFormFrom(null), 'a'), 'a');
    expect(form.topics).toEqual([]);
    const saved = log('1', 'Post once');
    saved.topics = [{ topic: { id: 'a', platform_id: 'p', name_en: 'A', name_fr: 'A' }, depth: 'practised' }];
    saved.self_assessments = [{ topic: { id: 'a', platform_id: 'p', name_en: 'A', name_fr: 'A' }, level: 2, confirmed_at: null }];
    saved.mentee_rating = 4;
    const edit = logFormFrom(saved);
    expect(edit.topics).toEqual([{ topic_id: 'a', depth: 'practised', level: 2 }]);
    expect(edit.task_set).toBe('Post once');
    expect(edit.mentee_rating).toBe(4);
  });
});

describe('addresses of the session screens', () => {
  it('reads and writes my week and a program’s follow-up tab', async () => {
    const { parseRoute, routeHref, areaOf } = await import('./routes');
    expect(parseRoute('#/week')).toEqual({ name: 'week' });
    expect(areaOf(parseRoute('#/week'))).toBe('week');
    const tab = parseRoute('#/programs/p1/pairs');
    expect(tab).toEqual({ name: 'program', id: 'p1', tab: 'pairs' });
    expect(routeHref(tab)).toBe('#/programs/p1/pairs');
    expect(areaOf(parseRoute('#/pairs/x'))).toBe('programs');
  });
});

describe('jumping to a free week', () => {
  it('finds the week offset that holds a later date', async () => {
    const { weeksFrom, weekWindow } = await import('./sessions');
    const now = new Date(2026, 0, 13, 16, 0);
    const later = new Date(2026, 1, 3, 10, 0);
    const offset = weeksFrom(now, later);
    expect(offset).toBe(3);
    const { from, to } = weekWindow(now, offset);
    expect(from.getTime()).toBeLessThanOrEqual(later.getTime());
    expect(later.getTime()).toBeLessThan(to.getTime());
    expect(weeksFrom(now, new Date(2026, 0, 1))).toBe(0);
  });
});

describe('day names', () => {
  it('capitalizes only the first word, as French writes dates', async () => {
    const { capitalize, formatDay } = await import('./sessions');
    expect(capitalize(formatDay('fr', '2026-11-23T10:00:00Z', 'Europe/Paris'))).toBe('Lundi 23 novembre');
    expect(capitalize(formatDay('en', '2026-11-23T10:00:00Z', 'Europe/Paris'))).toBe('Monday 23 November');
  });
});
