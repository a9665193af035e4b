/** Message keys of the program screens' enums, typed so a missing translation fails the build. */
import type { AssignWarningDto, ConstraintDto, UnmatchedReasonDto } from '../../api/programs';
import type { MessageKey } from '../../lib/i18n/en';
import type { Params } from '../../lib/i18n/core';
import type { PartKey } from '../../lib/programs';

const PARTS: Record<PartKey, MessageKey> = {
  skill: 'programs.part.skill',
  interests: 'programs.part.interests',
  availability: 'programs.part.availability',
  adoption: 'programs.part.adoption',
  comfort: 'programs.part.comfort',
};

const CONSTRAINTS: Record<ConstraintDto, MessageKey> = {
  same_person: 'programs.constraint.same_person',
  excluded: 'programs.constraint.excluded',
  reporting_chain: 'programs.constraint.reporting_chain',
  same_team: 'programs.constraint.same_team',
  no_shared_language: 'programs.constraint.no_shared_language',
  mentor_not_junior: 'programs.constraint.mentor_not_junior',
  same_department: 'programs.constraint.same_department',
};

const REASONS: Record<UnmatchedReasonDto, MessageKey> = {
  no_allowed_mentor: 'programs.unmatched.no_allowed_mentor',
  allowed_mentors_full: 'programs.unmatched.allowed_mentors_full',
  rerun_would_match: 'programs.unmatched.rerun_would_match',
};

export function partLabel(k: PartKey): MessageKey {
  return PARTS[k];
}

export function constraintLabel(c: ConstraintDto): MessageKey {
  return CONSTRAINTS[c];
}

export function unmatchedLabel(r: UnmatchedReasonDto): MessageKey {
  return REASONS[r];
}

/** A warning of `assign_mentor` as a message key and its parameters. */
export function warningMessage(w: AssignWarningDto): [MessageKey, Params | undefined] {
  if (w.kind === 'constraint') return [CONSTRAINTS[w.constraint], undefined];
  return ['programs.warning.full', { load: w.load, capacity: w.capacity }];
}
