/**
 * Pure helpers of the progress screens: number and date formatting in the interface language, and
 * the shaping of the core's figures into chart series (`ChartData`) and their text alternative.
 * No Svelte, no invoke: everything here is tested in Vitest.
 */
import type {
  AdoptionSummaryDto,
  AudienceReachDto,
  MonthSessionsDto,
  PlatformProgressDto,
  PlatformTopicsDto,
  RatingAverageDto,
  RiskReasonDto,
  SessionRefDto,
} from '../api/progress';
import { locales, translate, type Lang } from './i18n/core';

/** One series of a chart: a label and one value per category (or per point for `xy` charts). */
export interface Series {
  label: string;
  values: (number | null)[];
  /** Index into the chart palette (`--chart-<n>` in charts.css), so a series keeps its color. */
  color: number;
  /** For line charts: the x of each value (a time in ms), when the x axis is time. */
  xs?: number[];
  /** Something the chart can click through to, per value (e.g. a session id). */
  refs?: (string | null)[];
}

/** Everything a chart shows, in a shape that renders both as a canvas and as a table. */
export interface ChartData {
  /** Categories (the x axis of bar charts; row headers of the table). */
  labels: string[];
  series: Series[];
}

// ---------------------------------------------------------------- formatting

/** A number in the language, with at most `digits` decimals ("1 234,5" / "1,234.5"). */
export function formatNumber(lang: Lang, n: number, digits = 0): string {
  return new Intl.NumberFormat(locales[lang], { maximumFractionDigits: digits, minimumFractionDigits: 0 }).format(n);
}

/** Hours with at most one decimal ("12,5 h" / "12.5 h"). */
export function formatHours(lang: Lang, hours: number): string {
  return `${formatNumber(lang, Math.round(hours * 10) / 10, 1)} h`;
}

/** A large count shortened the way people read it: 1 234, 12 k, 1,2 M. */
export function formatCompact(lang: Lang, n: number): string {
  return new Intl.NumberFormat(locales[lang], { notation: n >= 10_000 ? 'compact' : 'standard', maximumFractionDigits: 1 }).format(n);
}

/** A 1–5 rating average with exactly one decimal ("4.0", "4,3"), or null when nobody rated. */
export function formatRating(lang: Lang, r: RatingAverageDto): string | null {
  if (r.average === null || r.count === 0) return null;
  return new Intl.NumberFormat(locales[lang], { minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(r.average);
}

/** `part` of `whole` as a whole percentage (0 when `whole` is 0). */
export function percent(part: number, whole: number): number {
  return whole > 0 ? Math.round((part / whole) * 100) : 0;
}

/** A level on the 0–4 scale with one decimal. */
export function formatLevel(lang: Lang, level: number): string {
  return formatNumber(lang, Math.round(level * 10) / 10, 1);
}

/** An RFC 3339 instant as a date in the viewer's zone ("12 mars 2026" / "12 Mar 2026"). */
export function formatDay(lang: Lang, iso: string | null): string {
  if (!iso) return '';
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return new Intl.DateTimeFormat(locales[lang], { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}

/** A month of a year as a chart label: "mars 2026" / "Mar 2026". */
export function monthLabel(lang: Lang, year: number, month: number): string {
  return new Intl.DateTimeFormat(locales[lang], { month: 'short', year: 'numeric', timeZone: 'UTC' }).format(
    new Date(Date.UTC(year, month - 1, 1)),
  );
}

/** Why a pair is at risk, in a sentence. */
export function riskText(lang: Lang, risk: RiskReasonDto): string {
  return risk.kind === 'consecutive_cancellations'
    ? translate(lang, 'progress.risk.cancellations', { count: risk.count })
    : translate(lang, 'progress.risk.noSession', { days: risk.days });
}

// ---------------------------------------------------------------- chart data

/** Sessions per month: held, scheduled (not cancelled) and cancelled, one bar group per month. */
export function monthsChart(lang: Lang, months: MonthSessionsDto[]): ChartData {
  return {
    labels: months.map((m) => monthLabel(lang, m.year, m.month)),
    series: [
      { label: translate(lang, 'progress.chart.scheduled'), values: months.map((m) => m.scheduled), color: 2 },
      { label: translate(lang, 'progress.chart.held'), values: months.map((m) => m.held), color: 0 },
      { label: translate(lang, 'progress.chart.cancelled'), values: months.map((m) => m.cancelled), color: 4 },
    ],
  };
}

/** Topics taught per platform, stacked by depth (one count per session and topic). */
export function topicsChart(lang: Lang, platforms: PlatformTopicsDto[]): ChartData {
  return {
    labels: platforms.map((p) => p.platform_name),
    series: [
      { label: translate(lang, 'progress.depth.shown'), values: platforms.map((p) => p.depths.shown), color: 2 },
      { label: translate(lang, 'progress.depth.practised'), values: platforms.map((p) => p.depths.practised), color: 1 },
      { label: translate(lang, 'progress.depth.done_alone'), values: platforms.map((p) => p.depths.done_alone), color: 0 },
    ],
  };
}

/** Adoption profiles at the start and now; profiles nobody had at either time are left out. */
export function adoptionChart(lang: Lang, adoption: AdoptionSummaryDto): ChartData {
  const rows = adoption.profiles.filter((p) => p.at_start > 0 || p.now > 0);
  return {
    labels: rows.map((p) => translate(lang, p.profile ? `profile.${p.profile}` : 'progress.profile.none')),
    series: [
      { label: translate(lang, 'progress.chart.atStart'), values: rows.map((p) => p.at_start), color: 2 },
      { label: translate(lang, 'progress.chart.now'), values: rows.map((p) => p.now), color: 0 },
    ],
  };
}

/** Followers of the active mentees per platform. */
export function audienceChart(lang: Lang, audience: AudienceReachDto): ChartData {
  return {
    labels: audience.platforms.map((p) => p.platform_name),
    series: [{ label: translate(lang, 'progress.chart.followers'), values: audience.platforms.map((p) => p.followers), color: 0 }],
  };
}

/** Midnight UTC of a `YYYY-MM-DD` date, in ms. */
function dayMs(iso: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : null;
}

/**
 * The level of each platform over time, one line per platform. Each line starts at the declared
 * level on `startDate` (the start of the mentee's first program) when that is before the first
 * confirmed point, then has one point per session that confirmed a level (its session id in `refs`).
 */
export function levelChart(platforms: PlatformProgressDto[], startDate: string | null): ChartData {
  const start = startDate ? dayMs(startDate) : null;
  const series: Series[] = platforms.map((p, i) => {
    const xs: number[] = [];
    const values: number[] = [];
    const refs: (string | null)[] = [];
    const first = p.points.length ? Date.parse(p.points[0].at) : null;
    if (start !== null && (first === null || start < first)) {
      xs.push(start);
      values.push(p.start);
      refs.push(null);
    }
    for (const point of p.points) {
      xs.push(Date.parse(point.at));
      values.push(point.level);
      refs.push(point.session_id);
    }
    return { label: p.platform_name, values, xs, refs, color: i };
  });
  return { labels: [], series };
}

/** The session behind a clicked value of a series, if any. */
export function refAt(data: ChartData, seriesIndex: number, index: number): string | null {
  return data.series[seriesIndex]?.refs?.[index] ?? null;
}

/** Whether a chart has anything to draw (some value above zero). */
export function hasData(data: ChartData): boolean {
  return data.series.some((s) => s.values.some((v) => v !== null && v > 0));
}

/** The pair of a session, from the mentee page's session list. */
export function pairOfSession(sessions: SessionRefDto[]): Map<string, string> {
  return new Map(sessions.map((s) => [s.session_id, s.pair_id]));
}

/** Rows of the chart's text alternative: one per category (bar) or per point (line, x as text). */
export function tableRows(data: ChartData, formatX: (ms: number) => string): { head: string; cells: (number | null)[] }[] {
  if (data.labels.length) {
    return data.labels.map((label, i) => ({ head: label, cells: data.series.map((s) => s.values[i] ?? null) }));
  }
  // Line charts: the union of every series' x, in time order, one row per instant.
  const xs = [...new Set(data.series.flatMap((s) => s.xs ?? []))].sort((a, b) => a - b);
  return xs.map((x) => ({
    head: formatX(x),
    cells: data.series.map((s) => {
      const i = (s.xs ?? []).indexOf(x);
      return i >= 0 ? (s.values[i] ?? null) : null;
    }),
  }));
}

// ---------------------------------------------------------------- audience form

export const MAX_FOLLOWERS = 1_000_000_000;

/**
 * A follower figure as typed: empty is "unknown" (null); digits with spaces, dots, commas or
 * apostrophes as thousands separators are a whole number; anything else, or past the maximum,
 * is `'invalid'`.
 */
export function parseFollowers(text: string): number | null | 'invalid' {
  const trimmed = text.trim();
  if (trimmed === '') return null;
  const compact = trimmed.replace(/[\s\u00a0\u202f.,']/g, '');
  if (!/^\d+$/.test(compact)) return 'invalid';
  const n = Number(compact);
  return n <= MAX_FOLLOWERS ? n : 'invalid';
}

/** The changes to send: only the platforms whose figure differs from what is saved. */
export function audienceChanges(
  saved: { platform_id: string; followers: number | null }[],
  typed: Record<string, number | null>,
): { platform_id: string; followers: number | null }[] {
  return saved
    .filter((f) => f.platform_id in typed && typed[f.platform_id] !== f.followers)
    .map((f) => ({ platform_id: f.platform_id, followers: typed[f.platform_id] }));
}
