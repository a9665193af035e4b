/**
 * The session commands (docs/ipc.md, "Sessions"), one typed function each. Instants go both ways
 * as RFC 3339 UTC strings. Like the rest of `ui/src/api/`, failures are thrown as an `ErrorDto`.
 */
import { call } from './call';
import type { AgendaEntryDto } from './bindings/AgendaEntryDto';
import type { CancelledByDto } from './bindings/CancelledByDto';
import type { CharterEntryDto } from './bindings/CharterEntryDto';
import type { CharterStatusDto } from './bindings/CharterStatusDto';
import type { LogInputDto } from './bindings/LogInputDto';
import type { MyPairDto } from './bindings/MyPairDto';
import type { PairOverviewDto } from './bindings/PairOverviewDto';
import type { PairPageDto } from './bindings/PairPageDto';
import type { SeriesProposalDto } from './bindings/SeriesProposalDto';
import type { SessionDto } from './bindings/SessionDto';
import type { SessionLogDto } from './bindings/SessionLogDto';
import type { SlotDto } from './bindings/SlotDto';

export type { GoalProgressDto } from './bindings/GoalProgressDto';
export type { LoggedTopicDto } from './bindings/LoggedTopicDto';
export type { LogTopicInputDto } from './bindings/LogTopicInputDto';
export type { OpenTaskDto } from './bindings/OpenTaskDto';
export type { PairInfoDto } from './bindings/PairInfoDto';
export type { PairPersonDto } from './bindings/PairPersonDto';
export type { RiskReasonDto } from './bindings/RiskReasonDto';
export type { SelfAssessmentDto } from './bindings/SelfAssessmentDto';
export type { SeriesOccurrenceDto } from './bindings/SeriesOccurrenceDto';
export type { SessionCountsDto } from './bindings/SessionCountsDto';
export type { SessionStatusDto } from './bindings/SessionStatusDto';
export type { TaskOutcomeDto } from './bindings/TaskOutcomeDto';
export type { TimelineEntryDto } from './bindings/TimelineEntryDto';
export type { TopicDepthDto } from './bindings/TopicDepthDto';
export type {
  AgendaEntryDto,
  CancelledByDto,
  CharterEntryDto,
  CharterStatusDto,
  LogInputDto,
  MyPairDto,
  PairOverviewDto,
  PairPageDto,
  SeriesProposalDto,
  SessionDto,
  SessionLogDto,
  SlotDto,
};


export const sessionsApi = {
  getPairPage: (pairId: string) => call<PairPageDto>('get_pair_page', { pairId }),
  listPairsWithSessions: (programId: string) => call<PairOverviewDto[]>('list_pairs_with_sessions', { programId }),
  /** The signed-in person's own approved pairs, with what is theirs to do in each. */
  myPairs: () => call<MyPairDto[]>('my_pairs'),

  proposeSlots: (pairId: string, from: string, to: string) => call<SlotDto[]>('propose_slots', { pairId, from, to }),
  proposeSeries: (pairId: string, firstStart: string) => call<SeriesProposalDto>('propose_series', { pairId, firstStart }),
  planSeries: (pairId: string, starts: string[], location: string) =>
    call<SessionDto[]>('plan_series', { pairId, starts, location }),

  createSession: (pairId: string, startsAt: string, endsAt: string, location: string) =>
    call<SessionDto>('create_session', { pairId, startsAt, endsAt, location }),
  moveSession: (sessionId: string, startsAt: string, endsAt: string) =>
    call<SessionDto>('move_session', { sessionId, startsAt, endsAt }),
  cancelSession: (sessionId: string, cancelledBy: CancelledByDto, reason: string) =>
    call<SessionDto>('cancel_session', { sessionId, cancelledBy, reason }),
  markHeld: (sessionId: string) => call<SessionDto>('mark_held', { sessionId }),
  markNoShow: (sessionId: string) => call<SessionDto>('mark_no_show', { sessionId }),
  setLocation: (sessionId: string, location: string) => call<SessionDto>('set_session_location', { sessionId, location }),

  saveLog: (sessionId: string, input: LogInputDto) => call<SessionLogDto>('save_session_log', { sessionId, input }),
  confirmSelfAssessment: (sessionId: string) => call<SessionLogDto>('confirm_self_assessment', { sessionId }),

  acknowledgeCharter: (programId: string, employeeId: string) =>
    call<CharterEntryDto>('acknowledge_charter', { programId, employeeId }),
  charterStatus: (programId: string) => call<CharterStatusDto>('charter_status', { programId }),

  upcomingSessions: (from: string, to: string, employeeId: string | null) =>
    call<AgendaEntryDto[]>('upcoming_sessions', { from, to, employeeId }),
  getReminderMinutes: () => call<number>('get_reminder_minutes'),
  setReminderMinutes: (minutes: number) => call<number>('set_reminder_minutes', { minutes }),

  /** Rust opens the save dialog; resolves to the path written, or null when the user cancelled. */
  exportSessionIcs: (sessionId: string) => call<string | null>('export_session_ics', { sessionId }),
  exportPairIcs: (pairId: string) => call<string | null>('export_pair_ics', { pairId }),
};

export type SessionsApi = typeof sessionsApi;
