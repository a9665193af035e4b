/**
 * Pure helpers of the program screens: the "why this pair" sentence, weight percentages, score
 * display, the what-if diff and the participants' incomplete profiles. No Svelte, no invoke:
 * everything here is tested in Vitest.
 */
import type {
  DiffPairDto,
  MatchingSettingsDto,
  PairExplanationDto,
  ParticipantDto,
  ProgramInputDto,
  ProgramPersonDto,
  SettingsChangeDto,
  WeightsDto,
  WhatIfDto,
} from '../api/programs';
import type { ProfileGapDto } from '../api';
import { formatNumber, translate, type Lang, type Params } from './i18n/core';
import type { MessageKey } from './i18n/en';

/** The five score parts, in the order the screens show them. */
export const PART_KEYS = ['skill', 'interests', 'availability', 'adoption', 'comfort'] as const;
export type PartKey = (typeof PART_KEYS)[number];

/** Each weight's share of the total, as whole percentages adding up to 100 (0 when all are 0). */
export function weightPercentages(weights: WeightsDto): Record<PartKey, number> {
  const total = PART_KEYS.reduce((sum, k) => sum + Math.max(0, weights[k]), 0);
  const out = { skill: 0, interests: 0, availability: 0, adoption: 0, comfort: 0 };
  if (total <= 0) return out;
  const exact = PART_KEYS.map((k) => ({ k, v: (Math.max(0, weights[k]) / total) * 100 }));
  let given = 0;
  for (const e of exact) {
    out[e.k] = Math.floor(e.v);
    given += out[e.k];
  }
  // Largest remainders get the points lost to rounding down, so the shares add up to 100.
  const byRemainder = [...exact].sort((a, b) => b.v - Math.floor(b.v) - (a.v - Math.floor(a.v)));
  for (let i = 0; given < 100 && i < byRemainder.length; i++, given++) out[byRemainder[i].k] += 1;
  return out;
}

/** A 0..1 score as a whole number out of 100. */
export function score100(score: number): number {
  return Math.round(Math.max(0, Math.min(1, score)) * 100);
}

/** A proposal's total (sum of 0..1 pair scores) in points, one point per hundredth of a pair score. */
export function totalPoints(total: number): number {
  return Math.round(total * 100);
}

/** "+35", "−12", "±0" with the language's digits grouping. */
export function signed(lang: Lang, n: number): string {
  if (n > 0) return `+${formatNumber(lang, n)}`;
  if (n < 0) return `−${formatNumber(lang, -n)}`;
  return '±0';
}

/** A duration in minutes as people say it: "3 h", "1 h 30" (fr) / "1 h 30 min" (en), "45 min". */
export function formatDuration(lang: Lang, minutes: number): string {
  const m = Math.max(0, Math.round(minutes));
  const h = Math.floor(m / 60);
  const rest = m % 60;
  if (h === 0) return `${rest}\u00a0min`;
  if (rest === 0) return `${h}\u00a0h`;
  const mm = String(rest).padStart(2, '0');
  return lang === 'fr' ? `${h}\u00a0h\u00a0${mm}` : `${h}\u00a0h\u00a0${mm}\u00a0min`;
}

function list(lang: Lang, items: string[]): string {
  const locale = lang === 'fr' ? 'fr-FR' : 'en-GB';
  return new Intl.ListFormat(locale, { style: 'long', type: 'conjunction' }).format(items);
}

export interface ExplainInput {
  mentee: Pick<ProgramPersonDto, 'first_name'>;
  mentor: Pick<ProgramPersonDto, 'first_name'>;
  explanation: Pick<PairExplanationDto, 'covered_goals' | 'shared_interests' | 'overlap_minutes' | 'same_site'>;
}

/**
 * Why a pair was proposed, in one sentence built from the explanation:
 * "Léa: LinkedIn expert ↔ Marc: wants to learn “Read your analytics”; shared interests: video;
 * 3 h of shared availability". Topic names are in `lang`; `platformName` names a platform id.
 */
export function explainPair(lang: Lang, input: ExplainInput, platformName: (id: string) => string): string {
  const tr = (key: MessageKey, params?: Params) => translate(lang, key, params);
  const mentor = input.mentor.first_name;
  const mentee = input.mentee.first_name;
  const e = input.explanation;
  const parts: string[] = [];
  const goals = [...e.covered_goals].sort((a, b) => b.covered - a.covered || b.mentor_level - a.mentor_level);
  const goal = goals[0];
  if (goal) {
    const platform = platformName(goal.topic.platform_id);
    const topic = lang === 'fr' ? goal.topic.name_fr || goal.topic.name_en : goal.topic.name_en || goal.topic.name_fr;
    const levelKey: MessageKey =
      goal.mentor_level >= 4 ? 'programs.why.mentorExpert' : goal.mentor_level === 3 ? 'programs.why.mentorPractitioner' : 'programs.why.mentorBasics';
    let goalText = `${tr(levelKey, { name: mentor, platform })} ↔ ${tr('programs.why.menteeWants', { name: mentee, topic })}`;
    if (goals.length > 1) goalText += ` ${tr(goals.length === 2 ? 'programs.why.moreGoals.one' : 'programs.why.moreGoals.other', { count: goals.length - 1 })}`;
    parts.push(goalText);
  }
  if (e.shared_interests.length > 0) parts.push(tr('programs.why.interests', { list: list(lang, e.shared_interests.slice(0, 3)) }));
  if (e.overlap_minutes > 0) parts.push(tr('programs.why.availability', { duration: formatDuration(lang, e.overlap_minutes) }));
  else parts.push(tr('programs.why.noAvailability'));
  if (e.same_site) parts.push(tr('programs.why.sameSite'));
  const sentence = parts.join(tr('programs.why.separator'));
  return sentence.charAt(0).toUpperCase() + sentence.slice(1);
}

/** One mentee whose mentor a what-if would change: `from` null = newly matched, `to` null = left unmatched. */
export interface MentorChange {
  mentee: ProgramPersonDto;
  from: DiffPairDto | null;
  to: DiffPairDto | null;
}

/** The what-if diff per mentee, in mentee name order. */
export function mentorChanges(diff: Pick<WhatIfDto, 'added' | 'removed'>): MentorChange[] {
  const byMentee = new Map<string, MentorChange>();
  for (const r of diff.removed) byMentee.set(r.mentee.id, { mentee: r.mentee, from: r, to: null });
  for (const a of diff.added) {
    const current = byMentee.get(a.mentee.id);
    if (current) current.to = a;
    else byMentee.set(a.mentee.id, { mentee: a.mentee, from: null, to: a });
  }
  return [...byMentee.values()].sort((x, y) => x.mentee.full_name.localeCompare(y.mentee.full_name));
}

/** The headline numbers of a what-if: total in points before/after and the matched count change. */
export function whatIfSummary(diff: WhatIfDto) {
  const before = totalPoints(diff.total_before);
  const after = totalPoints(diff.total_after);
  return {
    before,
    after,
    totalDelta: after - before,
    matchedDelta: diff.matched_after - diff.matched_before,
    changed: diff.added.length + diff.removed.length > 0,
  };
}

/** The matching settings a new program starts from (the core's defaults: skills first). */
export const DEFAULT_MATCHING: MatchingSettingsDto = {
  weights: { skill: 40, interests: 15, availability: 20, adoption: 15, comfort: 10 },
  default_capacity: 1,
  require_different_department: false,
};

/** Weights on the sliders' 0–100 scale: stored weights may be fractions (only ratios matter). */
export function sliderWeights(w: WeightsDto): WeightsDto {
  const total = PART_KEYS.reduce((sum, k) => sum + w[k], 0);
  const factor = total > 0 && total <= 5 ? 100 : 1;
  const out = { ...w };
  for (const k of PART_KEYS) out[k] = Math.min(100, Math.round(w[k] * factor * 100) / 100);
  return out;
}

/** Whether two sets of weights give the same score (same ratios). */
export function sameRatios(a: WeightsDto, b: WeightsDto): boolean {
  const ta = PART_KEYS.reduce((sum, k) => sum + a[k], 0);
  const tb = PART_KEYS.reduce((sum, k) => sum + b[k], 0);
  if (ta <= 0 || tb <= 0) return ta === tb;
  return PART_KEYS.every((k) => Math.abs(a[k] / ta - b[k] / tb) < 1e-9);
}

/** The settings change a what-if panel describes, relative to the program's saved settings. */
export function settingsChange(saved: MatchingSettingsDto, weights: WeightsDto, defaultCapacity: number): SettingsChangeDto {
  const sameWeights = sameRatios(saved.weights, weights);
  return {
    weights: sameWeights ? null : { ...weights },
    default_capacity: defaultCapacity === saved.default_capacity ? null : defaultCapacity,
    require_different_department: null,
    capacity_overrides: [],
  };
}

export function isEmptyChange(change: SettingsChangeDto): boolean {
  return (
    change.weights === null &&
    change.default_capacity === null &&
    change.require_different_department === null &&
    change.capacity_overrides.length === 0
  );
}

/** `YYYY-MM-DD` of a local date. */
export function isoDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** A new program form: starts on the first of next month, runs six months, monthly 60-minute sessions. */
export function newProgramInput(defaults: MatchingSettingsDto, today = new Date()): ProgramInputDto {
  const start = new Date(today.getFullYear(), today.getMonth() + 1, 1);
  const end = new Date(start.getFullYear(), start.getMonth() + 6, 0);
  return {
    name: '',
    start_date: isoDate(start),
    end_date: isoDate(end),
    cadence_weeks: 4,
    session_minutes: 60,
    charter: '',
    matching: { ...defaults, weights: { ...defaults.weights } },
  };
}

/** A date `YYYY-MM-DD` in the language's long form ("5 janv. 2026", "5 Jan 2026"). */
export function formatDate(lang: Lang, iso: string): string {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!m) return iso;
  const d = new Date(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  return new Intl.DateTimeFormat(lang === 'fr' ? 'fr-FR' : 'en-GB', { day: 'numeric', month: 'short', year: 'numeric' }).format(d);
}

const GAPS: Record<ProfileGapDto, MessageKey> = {
  goals: 'programs.participants.gap.goals',
  skills: 'programs.participants.gap.skills',
  availability: 'programs.participants.gap.availability',
};

/** A participant's tag, "Profile incomplete: goals, availability", in the core's order of gaps. */
export function incompleteTag(lang: Lang, gaps: readonly ProfileGapDto[]): string {
  return translate(lang, 'programs.participants.incompleteTag', { gaps: gaps.map((g) => translate(lang, GAPS[g])).join(', ') });
}

type Listed = Pick<ParticipantDto, 'side' | 'profile_gaps'>;

/** How many participants' profiles lack something (the core says what: `profile_gaps`). */
export function incompleteCount(participants: readonly Pick<ParticipantDto, 'profile_gaps'>[]): number {
  return participants.filter((p) => p.profile_gaps.length > 0).length;
}

/** The participants' columns, with or without the filter on incomplete profiles. */
export interface ParticipantsView<T extends Listed> {
  /** How many participants' profiles lack something (the core says what: `profile_gaps`). */
  incomplete: number;
  /** Only incomplete profiles are listed: HR asked for it and someone's profile still is. */
  onlyIncomplete: boolean;
  /** Every participant of each side, for the counts. */
  all: Record<ParticipantDto['side'], T[]>;
  /** The ones each column lists. */
  shown: Record<ParticipantDto['side'], T[]>;
}

/**
 * Splits the participants by side and, when `onlyIncomplete` is asked, keeps in the lists those
 * whose profile lacks something; the filter lapses by itself once every profile is complete.
 */
export function participantsView<T extends Listed>(participants: readonly T[], onlyIncomplete: boolean): ParticipantsView<T> {
  const incomplete = incompleteCount(participants);
  const filtering = onlyIncomplete && incomplete > 0;
  const side = (s: ParticipantDto['side'], list: readonly T[]) => list.filter((p) => p.side === s);
  const listed = filtering ? participants.filter((p) => p.profile_gaps.length > 0) : participants;
  return {
    incomplete,
    onlyIncomplete: filtering,
    all: { mentor: side('mentor', participants), mentee: side('mentee', participants) },
    shown: { mentor: side('mentor', listed), mentee: side('mentee', listed) },
  };
}
