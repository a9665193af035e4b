/**
 * The home screen's "To do" list, computed from the person's pairs (`my_pairs`) and their own
 * employee record: what is theirs to do next, most blocking first. A charter blocks marking
 * sessions held and logging them, so it comes first; the profile feeds the matching, so it comes
 * last once a pair exists.
 */
import type { EmployeeDetailDto } from '../api';
import type { MyPairDto } from '../api/sessions';

/** What is missing from a profile for the matching and the planning of sessions. */
export type ProfileGap = 'goals' | 'skills' | 'availability';

export type Todo =
  | { kind: 'charter'; pairId: string; program: string }
  | { kind: 'mark'; pairId: string; other: string; count: number }
  | { kind: 'log'; pairId: string; other: string; count: number }
  | { kind: 'confirm'; pairId: string; other: string; count: number }
  | { kind: 'profile'; gaps: ProfileGap[] };

/** The sides a person's profile is read for: their pairs', or else their program role. */
export function profileSides(employee: EmployeeDetailDto, roles: { mentee: boolean; mentor: boolean }): { mentee: boolean; mentor: boolean } {
  return {
    mentee: roles.mentee || employee.role === 'mentee' || employee.role === 'both',
    mentor: roles.mentor || employee.role === 'mentor' || employee.role === 'both',
  };
}

/**
 * What a profile lacks: a mentee needs at least one skill with a target level (a learning goal), a
 * mentor at least one skill, and everyone some weekly availability.
 */
export function profileGaps(employee: EmployeeDetailDto, sides: { mentee: boolean; mentor: boolean }): ProfileGap[] {
  const gaps: ProfileGap[] = [];
  if (sides.mentee && !employee.skills.some((s) => s.target !== null)) gaps.push('goals');
  if (sides.mentor && employee.skills.length === 0) gaps.push('skills');
  if (employee.availability.length === 0) gaps.push('availability');
  return gaps;
}

/** The other person of one of my pairs. */
export function otherPerson(pair: MyPairDto): MyPairDto['overview']['mentor'] {
  return pair.side === 'mentee' ? pair.overview.mentor : pair.overview.mentee;
}

export interface TodoInput {
  pairs: readonly MyPairDto[];
  /** The person's own record; `null` while unknown (no profile item then). */
  employee: EmployeeDetailDto | null;
  roles: { mentee: boolean; mentor: boolean };
}

/** The to-do list, most blocking first; empty when everything is done. */
export function computeTodos({ pairs, employee, roles }: TodoInput): Todo[] {
  const charter: Todo[] = [];
  const mark: Todo[] = [];
  const log: Todo[] = [];
  const confirm: Todo[] = [];
  for (const pair of pairs) {
    const pairId = pair.overview.pair_id;
    const other = otherPerson(pair).full_name;
    // `charter_acknowledged` is also true when the program has no charter to acknowledge.
    if (!pair.charter_acknowledged) charter.push({ kind: 'charter', pairId, program: pair.program_name });
    if (pair.overview.counts.to_mark > 0) mark.push({ kind: 'mark', pairId, other, count: pair.overview.counts.to_mark });
    if (pair.overview.counts.unlogged > 0) log.push({ kind: 'log', pairId, other, count: pair.overview.counts.unlogged });
    if (pair.side === 'mentor' && pair.levels_to_confirm > 0) confirm.push({ kind: 'confirm', pairId, other, count: pair.levels_to_confirm });
  }
  const out = [...charter, ...mark, ...log, ...confirm];
  if (employee) {
    const gaps = profileGaps(employee, profileSides(employee, roles));
    if (gaps.length > 0) out.push({ kind: 'profile', gaps });
  }
  return out;
}

