/**
 * Pure helpers of the session screens: dates and times in a person's or a session's zone, weeks,
 * grouping an agenda by day, health sentences and the learning log form. No Svelte, no invoke:
 * everything here is tested in Vitest.
 */
import type {
  AgendaEntryDto,
  LogInputDto,
  RiskReasonDto,
  SessionDto,
  SessionLogDto,
  TaskOutcomeDto,
  TopicDepthDto,
} from '../api/sessions';
import type { ProgramPersonDto } from '../api/programs';
import { locales, translate, translatePlural, type Lang } from './i18n/core';

export const DAY_MS = 24 * 60 * 60 * 1000;

function zoneOrUtc(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en', { timeZone });
    return timeZone;
  } catch {
    return 'UTC';
  }
}

function format(lang: Lang, iso: string, timeZone: string, options: Intl.DateTimeFormatOptions): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[lang], { ...options, timeZone: zoneOrUtc(timeZone) }).format(d);
}

/** The text with its first letter in upper case ("mardi 13 janvier" → "Mardi 13 janvier"). */
export function capitalize(text: string): string {
  return text.charAt(0).toLocaleUpperCase() + text.slice(1);
}

/** "14:00" on the zone's wall clock. */
export function formatTime(lang: Lang, iso: string, timeZone: string): string {
  return format(lang, iso, timeZone, { hour: '2-digit', minute: '2-digit', hour12: false });
}

/** "Tuesday 13 January" / "mardi 13 janvier" in the zone. */
export function formatDay(lang: Lang, iso: string, timeZone: string): string {
  return format(lang, iso, timeZone, { weekday: 'long', day: 'numeric', month: 'long' });
}

/** "Tue 13 Jan 2026, 14:00" / "mar. 13 janv. 2026, 14:00" in the zone. */
export function formatDateTime(lang: Lang, iso: string, timeZone: string): string {
  return format(lang, iso, timeZone, {
    weekday: 'short',
    day: 'numeric',
    month: 'short',
    year: 'numeric',
    hour: '2-digit',
    minute: '2-digit',
    hour12: false,
  });
}

/** "13 Jan 2026" in the zone. */
export function formatShortDate(lang: Lang, iso: string, timeZone: string): string {
  return format(lang, iso, timeZone, { day: 'numeric', month: 'short', year: 'numeric' });
}

/** A zone-less wall-clock time `YYYY-MM-DDTHH:MM` as "Tue 13 Jan, 14:00". */
export function formatWallClock(lang: Lang, local: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})/.exec(local);
  if (!m) return local;
  const iso = `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:00Z`;
  return format(lang, iso, 'UTC', { weekday: 'short', day: 'numeric', month: 'short', hour: '2-digit', minute: '2-digit', hour12: false });
}

/** The time part of a wall-clock `YYYY-MM-DDTHH:MM`. */
export function wallClockTime(local: string): string {
  return /T(\d{2}:\d{2})/.exec(local)?.[1] ?? local;
}

/** The calendar day `YYYY-MM-DD` of an instant in a zone. */
export function dayKey(iso: string, timeZone: string): string {
  const parts = new Intl.DateTimeFormat('en-CA', {
    timeZone: zoneOrUtc(timeZone),
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(new Date(iso));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** "Paris" for "Europe/Paris", "New York" for "America/New_York". */
export function zoneCity(timeZone: string): string {
  const last = timeZone.split('/').pop() ?? timeZone;
  return last.replace(/_/g, ' ');
}

/** The zone this computer shows times in. */
export function localZone(): string {
  try {
    return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
  } catch {
    return 'UTC';
  }
}

/** An instant as the commands take it: RFC 3339 in UTC, to the second. */
export function instant(d: Date): string {
  return d.toISOString().replace(/\.\d{3}Z$/, 'Z');
}

/**
 * The 7-day window `offset` weeks from today: from local midnight of today (shifted by whole
 * weeks) to 7 days later. `now` is passed in so tests control the clock.
 */
export function weekWindow(now: Date, offset: number): { from: Date; to: Date } {
  const from = new Date(now.getFullYear(), now.getMonth(), now.getDate() + offset * 7);
  const to = new Date(from.getFullYear(), from.getMonth(), from.getDate() + 7);
  return { from, to };
}

/** The week offset (as `weekWindow` counts it from `now`) whose window holds `date`. */
export function weeksFrom(now: Date, date: Date): number {
  const today = new Date(now.getFullYear(), now.getMonth(), now.getDate());
  return Math.max(0, Math.floor((date.getTime() - today.getTime()) / (7 * DAY_MS)));
}

export interface DayGroup<T> {
  /** `YYYY-MM-DD` in the zone. */
  day: string;
  items: T[];
}

/** Entries grouped by their day in `timeZone`, days in order, entries in start order within a day. */
export function groupByDay<T>(items: readonly T[], startOf: (item: T) => string, timeZone: string): DayGroup<T>[] {
  const sorted = [...items].sort((a, b) => Date.parse(startOf(a)) - Date.parse(startOf(b)));
  const groups: DayGroup<T>[] = [];
  for (const item of sorted) {
    const day = dayKey(startOf(item), timeZone);
    const last = groups[groups.length - 1];
    if (last && last.day === day) last.items.push(item);
    else groups.push({ day, items: [item] });
  }
  return groups;
}

/** Everyone who appears in an agenda, in name order, each once. */
export function agendaPeople(entries: readonly AgendaEntryDto[]): ProgramPersonDto[] {
  const byId = new Map<string, ProgramPersonDto>();
  for (const e of entries) {
    byId.set(e.mentor.id, e.mentor);
    byId.set(e.mentee.id, e.mentee);
  }
  return [...byId.values()].sort(
    (a, b) => a.last_name.localeCompare(b.last_name) || a.first_name.localeCompare(b.first_name),
  );
}

/** The entries one person takes part in (every entry when `personId` is null). */
export function filterByPerson(entries: readonly AgendaEntryDto[], personId: string | null): AgendaEntryDto[] {
  if (!personId) return [...entries];
  return entries.filter((e) => e.mentor.id === personId || e.mentee.id === personId);
}

/** Why a pair is at risk, as a sentence. */
export function riskText(lang: Lang, risk: RiskReasonDto): string {
  if (risk.kind === 'consecutive_cancellations') {
    return translatePlural(lang, 'sessions.risk.cancellations', risk.count);
  }
  return translate(lang, 'sessions.risk.noSessionHeld', { days: risk.days, limit: risk.limit_days });
}

/** What can be done to a session from the pair page. */
export type SessionAction = 'move' | 'cancel' | 'held' | 'no_show' | 'ics' | 'log' | 'confirm';

/** Whether a planned session's start has passed: it is then marked held or no-show, not moved. */
export function hasStarted(session: SessionDto, now: Date): boolean {
  return Date.parse(session.starts_at) <= now.getTime();
}

/** Minutes between two instants, at least 0. */
export function minutesBetween(fromIso: string, toIso: string): number {
  return Math.max(0, Math.round((Date.parse(toIso) - Date.parse(fromIso)) / 60000));
}

/** The end of a session of `minutes` starting at `startIso`. */
export function endAfter(startIso: string, minutes: number): string {
  return instant(new Date(Date.parse(startIso) + minutes * 60000));
}

/** Days from `now` to the instant, rounded down (negative in the past). */
export function daysUntil(iso: string, now: Date): number {
  return Math.floor((Date.parse(iso) - now.getTime()) / DAY_MS);
}

// ---------------------------------------------------------------- learning log form

export interface LogTopicForm {
  topic_id: string;
  depth: TopicDepthDto;
  /** The mentee's level after the session, 0–4; null when not assessed. */
  level: number | null;
}

export interface LogForm {
  topics: LogTopicForm[];
  task_set: string;
  previous_task_outcome: TaskOutcomeDto | null;
  summary: string;
  private_notes: string;
  mentee_rating: number | null;
  mentor_rating: number | null;
}

/** The form for a new log, or for editing `log`. */
export function logFormFrom(log: SessionLogDto | null): LogForm {
  if (!log) {
    return {
      topics: [],
      task_set: '',
      previous_task_outcome: null,
      summary: '',
      private_notes: '',
      mentee_rating: null,
      mentor_rating: null,
    };
  }
  const levels = new Map(log.self_assessments.map((a) => [a.topic.id, a.level]));
  return {
    topics: log.topics.map((t) => ({ topic_id: t.topic.id, depth: t.depth, level: levels.get(t.topic.id) ?? null })),
    task_set: log.task_set,
    previous_task_outcome: log.previous_task_outcome,
    summary: log.summary,
    private_notes: log.private_notes,
    mentee_rating: log.mentee_rating,
    mentor_rating: log.mentor_rating,
  };
}

/** Adds a topic (shown, not assessed) or removes it when already there. */
export function toggleTopic(form: LogForm, topicId: string): LogForm {
  const has = form.topics.some((t) => t.topic_id === topicId);
  return {
    ...form,
    topics: has
      ? form.topics.filter((t) => t.topic_id !== topicId)
      : [...form.topics, { topic_id: topicId, depth: 'shown', level: null }],
  };
}

/** What `save_session_log` takes; the outcome is sent only when there was a previous task. */
export function toLogInput(form: LogForm, hasPreviousTask: boolean): LogInputDto {
  return {
    topics: form.topics.map((t) => ({ topic_id: t.topic_id, depth: t.depth })),
    task_set: form.task_set,
    previous_task_outcome: hasPreviousTask ? form.previous_task_outcome : null,
    summary: form.summary,
    private_notes: form.private_notes,
    mentee_rating: form.mentee_rating,
    mentor_rating: form.mentor_rating,
    self_assessment: form.topics
      .filter((t) => t.level !== null)
      .map((t) => ({ topic_id: t.topic_id, level: t.level as number })),
  };
}

/** Whether every self-assessed level of a log was confirmed (true when there is none). */
export function allConfirmed(log: SessionLogDto): boolean {
  return log.self_assessments.every((a) => a.confirmed_at !== null);
}

/** The reminder lead times offered, in minutes (0 = off). */
export const REMINDER_CHOICES = [0, 5, 15, 30, 60, 1440] as const;

/**
 * The task the log of `sessionId` reports on: the one set at the pair's previous logged session
 * (null when that log set none, or there is none). `timeline` is in start order.
 */
export function previousTaskFor(
  timeline: readonly { session: SessionDto; log: SessionLogDto | null }[],
  sessionId: string,
): string | null {
  const index = timeline.findIndex((e) => e.session.id === sessionId);
  for (let i = index - 1; i >= 0; i--) {
    const log = timeline[i].log;
    if (log) return log.task_set.trim() ? log.task_set : null;
  }
  return null;
}

/** The pair page's two lists: sessions still ahead (soonest first) and the rest (latest first). */
export function splitTimeline<T extends { session: SessionDto }>(timeline: readonly T[], now: Date): { ahead: T[]; past: T[] } {
  const ahead = timeline
    .filter((e) => e.session.status === 'planned' && !hasStarted(e.session, now))
    .sort((a, b) => Date.parse(a.session.starts_at) - Date.parse(b.session.starts_at));
  const past = timeline
    .filter((e) => !(e.session.status === 'planned' && !hasStarted(e.session, now)))
    .sort((a, b) => Date.parse(b.session.starts_at) - Date.parse(a.session.starts_at));
  return { ahead, past };
}
