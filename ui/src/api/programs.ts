/**
 * The programs and matching commands (docs/ipc.md, "Programs and matching"), one typed function
 * each. Like the rest of `ui/src/api/`, failures are thrown as an `ErrorDto`.
 */
import { call } from './call';
import type { AssignOutcomeDto } from './bindings/AssignOutcomeDto';
import type { ExclusionDto } from './bindings/ExclusionDto';
import type { PairDto } from './bindings/PairDto';
import type { ParticipantDto } from './bindings/ParticipantDto';
import type { ProgramDto } from './bindings/ProgramDto';
import type { ProgramInputDto } from './bindings/ProgramInputDto';
import type { ProposalDto } from './bindings/ProposalDto';
import type { RunSummaryDto } from './bindings/RunSummaryDto';
import type { SettingsChangeDto } from './bindings/SettingsChangeDto';
import type { SideDto } from './bindings/SideDto';
import type { WhatIfDto } from './bindings/WhatIfDto';
import type { WhyNotDto } from './bindings/WhyNotDto';

export type { AlternativeMentorDto } from './bindings/AlternativeMentorDto';
export type { AssignWarningDto } from './bindings/AssignWarningDto';
export type { ConstraintDto } from './bindings/ConstraintDto';
export type { CoveredGoalDto } from './bindings/CoveredGoalDto';
export type { DiffPairDto } from './bindings/DiffPairDto';
export type { MatchingSettingsDto } from './bindings/MatchingSettingsDto';
export type { PairExplanationDto } from './bindings/PairExplanationDto';
export type { PairStatusDto } from './bindings/PairStatusDto';
export type { PartsDto } from './bindings/PartsDto';
export type { ProgramPersonDto } from './bindings/ProgramPersonDto';
export type { RemovedMentorDto } from './bindings/RemovedMentorDto';
export type { ReviewPairDto } from './bindings/ReviewPairDto';
export type { UnmatchedMenteeDto } from './bindings/UnmatchedMenteeDto';
export type { UnmatchedReasonDto } from './bindings/UnmatchedReasonDto';
export type { WeightsDto } from './bindings/WeightsDto';
export type {
  AssignOutcomeDto,
  ExclusionDto,
  PairDto,
  ParticipantDto,
  ProgramDto,
  ProgramInputDto,
  ProposalDto,
  RunSummaryDto,
  SettingsChangeDto,
  SideDto,
  WhatIfDto,
  WhyNotDto,
};


export const programsApi = {
  listPrograms: () => call<ProgramDto[]>('list_programs'),
  getProgram: (programId: string) => call<ProgramDto>('get_program', { programId }),
  createProgram: (input: ProgramInputDto) => call<ProgramDto>('create_program', { input }),
  updateProgram: (programId: string, input: ProgramInputDto) =>
    call<ProgramDto>('update_program', { programId, input }),
  deleteProgram: (programId: string) => call<null>('delete_program', { programId }),

  listParticipants: (programId: string) => call<ParticipantDto[]>('list_participants', { programId }),
  addParticipants: (programId: string, side: SideDto, employeeIds: string[]) =>
    call<ParticipantDto[]>('add_participants', { programId, side, employeeIds }),
  addAllEligible: (programId: string, side: SideDto, department: string | null) =>
    call<number>('add_all_eligible', { programId, side, department }),
  removeParticipant: (programId: string, employeeId: string) =>
    call<null>('remove_participant', { programId, employeeId }),
  setMentorCapacity: (programId: string, mentorId: string, capacity: number | null) =>
    call<null>('set_mentor_capacity', { programId, mentorId, capacity }),

  runMatching: (programId: string) => call<RunSummaryDto>('run_matching', { programId }),
  listPairs: (programId: string) => call<PairDto[]>('list_pairs', { programId }),
  getProposal: (programId: string) => call<ProposalDto>('get_proposal', { programId }),
  whyNot: (programId: string, menteeId: string, mentorId: string) =>
    call<WhyNotDto>('why_not', { programId, menteeId, mentorId }),
  /** `version` is the pair's as shown: a pair someone changed since is refused (`stale_record`). */
  setPairLocked: (programId: string, menteeId: string, locked: boolean, version: number | null = null) =>
    call<null>('set_pair_locked', { programId, menteeId, locked, version }),
  excludePair: (programId: string, menteeId: string, mentorId: string) =>
    call<null>('exclude_pair', { programId, menteeId, mentorId }),
  includePair: (programId: string, menteeId: string, mentorId: string) =>
    call<null>('include_pair', { programId, menteeId, mentorId }),
  listExclusions: (programId: string) => call<ExclusionDto[]>('list_exclusions', { programId }),
  assignMentor: (programId: string, menteeId: string, mentorId: string, force: boolean) =>
    call<AssignOutcomeDto>('assign_mentor', { programId, menteeId, mentorId, force }),
  approvePair: (programId: string, menteeId: string, version: number | null = null) =>
    call<null>('approve_pair', { programId, menteeId, version }),
  approveAll: (programId: string) => call<number>('approve_all', { programId }),

  whatIf: (programId: string, change: SettingsChangeDto) => call<WhatIfDto>('what_if', { programId, change }),
  applySettings: (programId: string, change: SettingsChangeDto) =>
    call<RunSummaryDto>('apply_settings', { programId, change }),

  /** Rust opens the save dialog; resolves to the path written, or null when the user cancelled. */
  exportPairsCsv: (programId: string) => call<string | null>('export_pairs_csv', { programId }),
  exportScoreMatrixCsv: (programId: string) => call<string | null>('export_score_matrix_csv', { programId }),
};

export type ProgramsApi = typeof programsApi;
