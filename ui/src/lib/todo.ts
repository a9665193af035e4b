/**
 * The home screen's "To do" list, computed from the person's pairs (`my_pairs`) and what their own
 * profile lacks (`whoami`'s `profile_gaps`: the core owns that rule): what is theirs to do next,
 * most blocking first. A charter blocks marking sessions held and logging them, so it comes first;
 * the profile feeds the matching, so it comes last once a pair exists.
 */
import type { ProfileGapDto } from '../api';
import type { MyPairDto } from '../api/sessions';

export type Todo =
  | { kind: 'charter'; pairId: string; program: string }
  | { kind: 'mark'; pairId: string; other: string; count: number }
  | { kind: 'log'; pairId: string; other: string; count: number }
  | { kind: 'confirm'; pairId: string; other: string; count: number }
  | { kind: 'profile'; gaps: ProfileGapDto[] };

/** The other person of one of my pairs. */
export function otherPerson(pair: MyPairDto): MyPairDto['overview']['mentor'] {
  return pair.side === 'mentee' ? pair.overview.mentor : pair.overview.mentee;
}

export interface TodoInput {
  pairs: readonly MyPairDto[];
  /** What the person's own profile lacks, as `whoami` says; empty when complete (no profile item then). */
  profileGaps: readonly ProfileGapDto[];
}

/** The to-do list, most blocking first; empty when everything is done. */
export function computeTodos({ pairs, profileGaps }: TodoInput): Todo[] {
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
  if (profileGaps.length > 0) out.push({ kind: 'profile', gaps: [...profileGaps] });
  return out;
}

