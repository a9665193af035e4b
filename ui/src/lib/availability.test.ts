import { describe, expect, it } from 'vitest';
import { hasSlotProblems, hhmmToMinutes, minutesToHHMM, slotProblems, slotsByDay, suggestSlot } from './availability';

const slot = (weekday: number, start: string, end: string) => ({
  weekday,
  start_minute: hhmmToMinutes(start)!,
  end_minute: hhmmToMinutes(end)!,
});

describe('minutes and HH:MM', () => {
  it('converts both ways', () => {
    expect(minutesToHHMM(0)).toBe('00:00');
    expect(minutesToHHMM(570)).toBe('09:30');
    expect(minutesToHHMM(1439)).toBe('23:59');
    expect(minutesToHHMM(1440)).toBe('24:00');
    expect(hhmmToMinutes('09:30')).toBe(570);
    expect(hhmmToMinutes('9:05')).toBe(545);
    expect(hhmmToMinutes('24:00')).toBe(1440);
  });

  it('rejects what is not a time of day', () => {
    for (const bad of ['', '9', '25:00', '12:60', '24:30', 'ab:cd']) expect(hhmmToMinutes(bad), bad).toBeNull();
  });

  it('round-trips every quarter hour', () => {
    for (let m = 0; m < 1440; m += 15) expect(hhmmToMinutes(minutesToHHMM(m))).toBe(m);
  });
});

describe('slotProblems', () => {
  it('accepts separate and touching slots', () => {
    const slots = [slot(0, '09:00', '10:00'), slot(0, '10:00', '11:00'), slot(1, '09:00', '10:00')];
    expect(slotProblems(slots)).toEqual([null, null, null]);
    expect(hasSlotProblems(slots)).toBe(false);
  });

  it('marks both slots that overlap on the same day', () => {
    const slots = [slot(2, '09:00', '11:00'), slot(3, '09:30', '10:00'), slot(2, '10:30', '12:00')];
    expect(slotProblems(slots)).toEqual(['overlap', null, 'overlap']);
  });

  it('marks a slot contained in another', () => {
    expect(slotProblems([slot(4, '08:00', '18:00'), slot(4, '12:00', '13:00')])).toEqual(['overlap', 'overlap']);
  });

  it('marks a slot that ends before it starts as invalid, not overlapping', () => {
    expect(slotProblems([slot(0, '11:00', '10:00'), slot(0, '09:00', '12:00')])).toEqual(['invalid', null]);
    expect(slotProblems([slot(0, '10:00', '10:00')])).toEqual(['invalid']);
  });
});

describe('slot helpers', () => {
  it('sorts slots per weekday', () => {
    const days = slotsByDay([slot(1, '14:00', '15:00'), slot(1, '09:00', '10:00'), slot(6, '10:00', '11:00')]);
    expect(days[1].map((s) => s.start_minute)).toEqual([540, 840]);
    expect(days[6]).toHaveLength(1);
    expect(days[0]).toHaveLength(0);
  });

  it('suggests a slot that does not clash', () => {
    const existing = [slot(0, '09:00', '10:00'), slot(1, '09:00', '10:00')];
    const next = suggestSlot(existing);
    expect(next.weekday).toBe(2);
    expect(hasSlotProblems([...existing, next])).toBe(false);
    const week = [0, 1, 2, 3, 4].map((d) => slot(d, '09:00', '10:00'));
    expect(hasSlotProblems([...week, suggestSlot(week)])).toBe(false);
  });
});
