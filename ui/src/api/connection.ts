/**
 * The start screen's commands (docs/ipc.md, "Database"): which database is open, opening the
 * file on this computer, connecting to the team server, moving the file into it, reconnecting,
 * signing out.
 * No path crosses: the file and the CA certificate are chosen in dialogs that Rust opens.
 */
import { call } from './call';
import type { ConnectionStatusDto } from './bindings/ConnectionStatusDto';
import type { MoveReportDto } from './bindings/MoveReportDto';
import type { TeamFormDto } from './bindings/TeamFormDto';

export type { ConnectionStatusDto } from './bindings/ConnectionStatusDto';
export type { DatabaseModeDto } from './bindings/DatabaseModeDto';
export type { MoveReportDto } from './bindings/MoveReportDto';
export type { TeamFormDto } from './bindings/TeamFormDto';
export type { TeamSettingsDto } from './bindings/TeamSettingsDto';
export type { TlsModeDto } from './bindings/TlsModeDto';

export const connectionApi = {
  connectionStatus: () => call<ConnectionStatusDto>('connection_status'),
  /** The offered file (`choose` false), or one picked in a dialog; `null` when cancelled. */
  openSolo: (choose: boolean) => call<ConnectionStatusDto | null>('open_solo', { choose }),
  /** The CA certificate's file name, or `null` when the dialog was cancelled. */
  pickCaFile: () => call<string | null>('pick_ca_file'),
  connectTeam: (form: TeamFormDto) => call<ConnectionStatusDto>('connect_team', { form }),
  moveToTeam: (form: TeamFormDto) => call<MoveReportDto>('move_to_team', { form }),
  reconnect: () => call<ConnectionStatusDto>('reconnect'),
  /** Closes the team connection and forgets its remembered password: `open` is then `null`. */
  signOut: () => call<ConnectionStatusDto>('sign_out'),
};
