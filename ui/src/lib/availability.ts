import type { AvailabilitySlotDto } from '../api';

export const MINUTES_PER_DAY = 24 * 60;

/** 540 → "09:00"; 1440 (end of day) → "24:00". */
export function minutesToHHMM(minutes: number): string {
  const m = Math.max(0, Math.min(MINUTES_PER_DAY, Math.round(minutes)));
  const h = Math.floor(m / 60);
  const mm = m % 60;
  return `${String(h).padStart(2, '0')}:${String(mm).padStart(2, '0')}`;
}

/** "09:30" → 570; "24:00" → 1440; anything else → null. */
export function hhmmToMinutes(value: string): number | null {
  const match = /^(\d{1,2}):(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const h = Number(match[1]);
  const m = Number(match[2]);
  if (m > 59) return null;
  if (h === 24 && m === 0) return MINUTES_PER_DAY;
  if (h > 23) return null;
  return h * 60 + m;
}

export type SlotProblem = 'invalid' | 'overlap';

function isValid(s: AvailabilitySlotDto): boolean {
  return (
    Number.isInteger(s.weekday) &&
    s.weekday >= 0 &&
    s.weekday <= 6 &&
    s.start_minute >= 0 &&
    s.end_minute <= MINUTES_PER_DAY &&
    s.start_minute < s.end_minute
  );
}

/**
 * For each slot (same order as given), what is wrong with it: `invalid` when it does not end after
 * it starts within the day, `overlap` when it shares time with another slot of the same day
 * (touching slots, 9–10 and 10–11, do not overlap), or null.
 */
export function slotProblems(slots: readonly AvailabilitySlotDto[]): (SlotProblem | null)[] {
  const problems: (SlotProblem | null)[] = slots.map((s) => (isValid(s) ? null : 'invalid'));
  for (let i = 0; i < slots.length; i++) {
    if (problems[i] === 'invalid') continue;
    for (let j = i + 1; j < slots.length; j++) {
      if (problems[j] === 'invalid') continue;
      const a = slots[i];
      const b = slots[j];
      if (a.weekday === b.weekday && a.start_minute < b.end_minute && b.start_minute < a.end_minute) {
        problems[i] = 'overlap';
        problems[j] = 'overlap';
      }
    }
  }
  return problems;
}

export function hasSlotProblems(slots: readonly AvailabilitySlotDto[]): boolean {
  return slotProblems(slots).some((p) => p !== null);
}

/** Slots by weekday (0 = Monday), each day sorted by start time. */
export function slotsByDay(slots: readonly AvailabilitySlotDto[]): AvailabilitySlotDto[][] {
  const days: AvailabilitySlotDto[][] = [[], [], [], [], [], [], []];
  for (const s of slots) if (s.weekday >= 0 && s.weekday <= 6) days[s.weekday].push(s);
  for (const d of days) d.sort((a, b) => a.start_minute - b.start_minute);
  return days;
}

/** A sensible next slot to add: the first weekday without a slot, 09:00–10:00, else Monday after the last one. */
export function suggestSlot(slots: readonly AvailabilitySlotDto[]): AvailabilitySlotDto {
  const days = slotsByDay(slots);
  for (let d = 0; d < 5; d++) if (days[d].length === 0) return { weekday: d, start_minute: 540, end_minute: 600 };
  const monday = days[0];
  const lastEnd = monday.length ? monday[monday.length - 1].end_minute : 540;
  const start = Math.min(lastEnd, MINUTES_PER_DAY - 60);
  return { weekday: 0, start_minute: start, end_minute: start + 60 };
}
