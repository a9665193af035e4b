/**
 * The only module that talks to Rust. Every command of docs/ipc.md has one typed function here,
 * built on the generated bindings, so a renamed Rust field breaks `npm run check`.
 * Failures are always thrown as an `ErrorDto` (see `toErrorDto`).
 */
import { call } from './call';
import { listen, type UnlistenFn } from '@tauri-apps/api/event';
import type { CatalogDto } from './bindings/CatalogDto';
import type { ColumnMappingDto } from './bindings/ColumnMappingDto';
import type { DirectoryFacetsDto } from './bindings/DirectoryFacetsDto';
import type { DirectoryPageDto } from './bindings/DirectoryPageDto';
import type { DirectoryQueryDto } from './bindings/DirectoryQueryDto';
import type { EmployeeDetailDto } from './bindings/EmployeeDetailDto';
import type { EmployeeInputDto } from './bindings/EmployeeInputDto';
import type { ErrorDto } from './bindings/ErrorDto';
import type { ImportOutcomeDto } from './bindings/ImportOutcomeDto';
import type { ImportPreviewDto } from './bindings/ImportPreviewDto';
import type { ImportProgressDto } from './bindings/ImportProgressDto';
import type { LanguageDto } from './bindings/LanguageDto';
import type { PlatformInputDto } from './bindings/PlatformInputDto';
import type { RejectedReasonDto } from './bindings/RejectedReasonDto';
import type { SettingsDto } from './bindings/SettingsDto';
import type { TopicInputDto } from './bindings/TopicInputDto';

export type * from './types';
export { toErrorDto, isErrorDto } from './errors';
export { programsApi } from './programs';
export { sessionsApi } from './sessions';
export { connectionApi } from './connection';
export { accessApi } from './access';
export type { LoginLinkDto, MeDto } from './access';
export type { ConnectionStatusDto, DatabaseModeDto, MoveReportDto, TeamFormDto, TeamSettingsDto, TlsModeDto } from './connection';
export { onCommandFailure, onCommandSuccess } from './call';


export const api = {
  getSettings: () => call<SettingsDto>('get_settings'),
  setLanguage: (language: LanguageDto) => call<SettingsDto>('set_language', { language }),

  listEmployees: (query: DirectoryQueryDto) => call<DirectoryPageDto>('list_employees', { query }),
  directoryFacets: () => call<DirectoryFacetsDto>('directory_facets'),
  getEmployee: (id: string) => call<EmployeeDetailDto>('get_employee', { id }),
  createEmployee: (input: EmployeeInputDto) => call<EmployeeDetailDto>('create_employee', { input }),
  /** `version` is the one the form was opened on: a record someone changed since is refused. */
  updateEmployee: (id: string, input: EmployeeInputDto, version: number | null = null) =>
    call<EmployeeDetailDto>('update_employee', { id, input, version }),
  setEmployeeActive: (id: string, active: boolean) =>
    call<EmployeeDetailDto>('set_employee_active', { id, active }),

  getCatalog: () => call<CatalogDto>('get_catalog'),
  savePlatform: (input: PlatformInputDto) => call<CatalogDto>('save_platform', { input }),
  saveTopic: (input: TopicInputDto) => call<CatalogDto>('save_topic', { input }),

  /** Hands the file over as bytes: the webview never passes a path. */
  importLoad: (fileName: string, bytes: Uint8Array) =>
    call<ImportPreviewDto>('import_load', bytes, {
      headers: { 'x-file-name': encodeURIComponent(fileName) },
    }),
  importRemap: (mapping: ColumnMappingDto) => call<ImportPreviewDto>('import_remap', { mapping }),
  /** `confirmedIgnored`: the columns left out (by index) HR confirmed; one with values left unconfirmed is refused. */
  importCommit: (confirmedIgnored: number[]) => call<ImportOutcomeDto>('import_commit', { confirmedIgnored }),
  /**
   * Saves the staged file's rejected rows with a last column giving each one's reason (`reasons`:
   * each rejected row's `line` and its reason as the screen words it). Resolves to the path
   * written, or null when the save dialog was closed.
   */
  exportRejectedRowsCsv: (reasons: RejectedReasonDto[]) => call<string | null>('export_rejected_rows_csv', { reasons }),
  importCancel: () => call<null>('import_cancel'),

  /** Subscribes to `import-progress`; resolves to the function that unsubscribes. */
  onImportProgress(handler: (progress: ImportProgressDto) => void): Promise<UnlistenFn> {
    return listen<ImportProgressDto>('import-progress', (event) => handler(event.payload));
  },
};

export type Api = typeof api;
export type { ErrorDto };
