/**
 * The learning progress commands (docs/ipc.md, "Progress"), one typed function each. Like the rest
 * of `ui/src/api/`, failures are thrown as an `ErrorDto`. Exports resolve to the path written, or
 * `null` when the user closed the save dialog.
 */
import { call } from './call';
import type { AudienceChangeDto } from './bindings/AudienceChangeDto';
import type { AudienceFigureDto } from './bindings/AudienceFigureDto';
import type { LanguageDto } from './bindings/LanguageDto';
import type { ManagerScopeDto } from './bindings/ManagerScopeDto';
import type { ManagerViewDto } from './bindings/ManagerViewDto';
import type { MenteeProgressDto } from './bindings/MenteeProgressDto';
import type { MentorRecognitionDto } from './bindings/MentorRecognitionDto';
import type { ProgramDashboardDto } from './bindings/ProgramDashboardDto';

export type { AdoptionSummaryDto } from './bindings/AdoptionSummaryDto';
export type { AudienceReachDto } from './bindings/AudienceReachDto';
export type { DepthCountsDto } from './bindings/DepthCountsDto';
export type { LevelPointDto } from './bindings/LevelPointDto';
export type { ManagedPersonDto } from './bindings/ManagedPersonDto';
export type { MonthSessionsDto } from './bindings/MonthSessionsDto';
export type { PairProgressDto } from './bindings/PairProgressDto';
export type { PairStateDto } from './bindings/PairStateDto';
export type { PlatformLevelsDto } from './bindings/PlatformLevelsDto';
export type { PlatformProgressDto } from './bindings/PlatformProgressDto';
export type { PlatformTopicsDto } from './bindings/PlatformTopicsDto';
export type { PracticeTaskDto } from './bindings/PracticeTaskDto';
export type { ProfileCountDto } from './bindings/ProfileCountDto';
export type { ProgramRefDto } from './bindings/ProgramRefDto';
export type { ProgressSessionCountsDto } from './bindings/ProgressSessionCountsDto';
export type { RatingAverageDto } from './bindings/RatingAverageDto';
export type { RiskReasonDto } from './bindings/RiskReasonDto';
export type { SessionRefDto } from './bindings/SessionRefDto';
export type { SessionStatusDto } from './bindings/SessionStatusDto';
export type { SessionSummaryDto } from './bindings/SessionSummaryDto';
export type { TaskOutcomeDto } from './bindings/TaskOutcomeDto';
export type { TopicCoveredDto } from './bindings/TopicCoveredDto';
export type { TopicDepthDto } from './bindings/TopicDepthDto';
export type { TopicProgressDto } from './bindings/TopicProgressDto';
export type {
  AudienceChangeDto,
  AudienceFigureDto,
  ManagerScopeDto,
  ManagerViewDto,
  MenteeProgressDto,
  MentorRecognitionDto,
  ProgramDashboardDto,
};


export const progressApi = {
  programDashboard: (programId: string) => call<ProgramDashboardDto>('program_dashboard', { programId }),
  menteeProgress: (menteeId: string, programId: string | null = null) =>
    call<MenteeProgressDto>('mentee_progress', { menteeId, programId }),
  /** One page of the people in scope, in name order. */
  managerView: (scope: ManagerScopeDto, offset: number, limit: number) =>
    call<ManagerViewDto>('manager_view', { scope, offset, limit }),
  mentorRecognition: (mentorId: string) => call<MentorRecognitionDto>('mentor_recognition', { mentorId }),
  employeeAudience: (employeeId: string) => call<AudienceFigureDto[]>('employee_audience', { employeeId }),
  setEmployeeAudience: (employeeId: string, changes: AudienceChangeDto[]) =>
    call<AudienceFigureDto[]>('set_employee_audience', { employeeId, changes }),

  exportDashboardCsv: (programId: string) => call<string | null>('export_dashboard_csv', { programId }),
  exportDashboardXlsx: (programId: string, language: LanguageDto) =>
    call<string | null>('export_dashboard_xlsx', { programId, language }),
  exportManagerViewCsv: (scope: ManagerScopeDto) => call<string | null>('export_manager_view_csv', { scope }),
  exportManagerViewXlsx: (scope: ManagerScopeDto, language: LanguageDto) =>
    call<string | null>('export_manager_view_xlsx', { scope, language }),
  exportMentorSummary: (mentorId: string, language: LanguageDto) =>
    call<string | null>('export_mentor_summary', { mentorId, language }),

  /** Opens the system print dialog for this page (print, or save as PDF). */
  printPage: () => call<null>('print_page'),
};
